package io.repovitals.render;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.ConditionalTemplateConfigurationFactory;
import freemarker.cache.FileNameGlobMatcher;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.OrMatcher;
import freemarker.cache.TemplateLoader;
import freemarker.core.OutputFormat;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.core.TemplateConfiguration;
import freemarker.ext.beans.BeansWrapper;
import freemarker.ext.beans.ClassMemberAccessPolicy;
import freemarker.ext.beans.DefaultMemberAccessPolicy;
import freemarker.ext.beans.MemberAccessPolicy;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapper;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.Version;

import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;

/**
 * FreeMarker set up for templates a user may bring: no {@code ?new}, no {@code ?api}, no static
 * models, only our own records' components visible, errors rethrown as one line naming file and line.
 * Built-in templates live in the top-level {@code templates/} folder (packaged under
 * {@code repovitals/templates}); a folder given by the {@code templates} input overrides them by name.
 */
public final class Templates {
    static final Version VERSION = new Version(2, 3, 35); // records need >= 2.3.33
    static final String BUILT_IN = "repovitals/templates";

    private final Configuration configuration;
    private final Optional<Path> overrides;

    public Templates(Optional<Path> overrides) {
        this(overrides, MarkdownOutputFormat.INSTANCE);
    }

    /** @param format how templates escape strings (a test compares the minimal escaping with the older one) */
    Templates(Optional<Path> overrides, MarkdownOutputFormat format) {
        this.overrides = overrides;
        configuration = new Configuration(VERSION);
        configuration.setTemplateLoader(loader(overrides));
        configuration.setObjectWrapper(new RecordsOnlyWrapper(format));
        configuration.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        configuration.setAPIBuiltinEnabled(false);
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        configuration.setAttemptExceptionReporter((e, env) -> { }); // we report it ourselves, once
        configuration.setLogTemplateExceptions(false);
        configuration.setWrapUncheckedExceptions(true);
        configuration.setFallbackOnNullLoopVariable(false);
        configuration.setLocalizedLookup(false);
        configuration.setLocale(Locale.ROOT);
        configuration.setTimeZone(TimeZone.getTimeZone("UTC"));
        configuration.setNumberFormat("computer");
        configuration.setDefaultEncoding("UTF-8");
        configuration.setOutputEncoding("UTF-8");
        configuration.setWhitespaceStripping(true);
        configuration.setRegisteredCustomOutputFormats(List.<OutputFormat>of(format));
        TemplateConfiguration markdown = new TemplateConfiguration();
        markdown.setOutputFormat(format);
        markdown.setAutoEscapingPolicy(Configuration.ENABLE_IF_DEFAULT_AUTO_ESCAPING_POLICY);
        // Macros take the output format of the file that defines them, so _macros.ftl escapes too.
        configuration.setTemplateConfigurations(new ConditionalTemplateConfigurationFactory(
                new OrMatcher(new FileNameGlobMatcher("*.md.ftl"), new FileNameGlobMatcher("_*.ftl")), markdown));
    }

    /** Renders the named template with {@code model} under {@code rootName}. */
    public String render(String name, String rootName, Object model) {
        try {
            Template template = configuration.getTemplate(name);
            StringWriter out = new StringWriter();
            template.process(Map.of(rootName, model), out);
            return out.toString();
        } catch (ParseException e) {
            throw new RenderException("template " + where(e.getTemplateName(), name) + " line " + e.getLineNumber()
                    + ": " + firstLine(e.getEditorMessage()), e);
        } catch (TemplateException e) {
            Integer line = e.getLineNumber();
            throw new RenderException("template " + where(e.getTemplateSourceName(), name)
                    + (line == null ? "" : " line " + line) + ": " + firstLine(e.getMessageWithoutStackTop()), e);
        } catch (IOException e) {
            throw new RenderException("template " + name + " cannot be read (" + overridesNote() + "): "
                    + firstLine(String.valueOf(e.getMessage())), e);
        }
    }

    private String where(String sourceName, String fallback) {
        String file = sourceName == null ? fallback : sourceName;
        return overrides.filter(dir -> dir.resolve(file).toFile().isFile())
                .map(dir -> dir.resolve(file).toString())
                .orElse(file + " (built-in)");
    }

    private String overridesNote() {
        return overrides.map(dir -> "looked in " + dir + ", then the built-in templates").orElse("built-in templates");
    }

    /** FreeMarker's first line, plus the blamed expression when that line only introduces it ("…null or missing:"). */
    private static String firstLine(String message) {
        List<String> lines = (message == null ? "" : message).strip().lines().map(String::strip)
                .filter(line -> !line.isEmpty()).toList();
        if (lines.isEmpty()) {
            return "";
        }
        String first = lines.get(0);
        if (first.endsWith(":") && lines.size() > 1) {
            first = first + " " + lines.get(1).replaceFirst("^==>\\s*", "").replaceAll("\\s*\\[in template.*$", "");
        }
        return first;
    }

    private static TemplateLoader loader(Optional<Path> overrides) {
        ClassTemplateLoader builtIn = new ClassTemplateLoader(Templates.class.getClassLoader(), BUILT_IN);
        if (overrides.isEmpty()) {
            return builtIn;
        }
        try {
            // FileTemplateLoader refuses names that resolve outside its folder (symbolic links included).
            FileTemplateLoader folder = new FileTemplateLoader(overrides.get().toFile(), false);
            return new MultiTemplateLoader(new TemplateLoader[] {folder, builtIn});
        } catch (IOException e) {
            throw new RenderException("templates folder " + overrides.get() + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Wraps our view records with their components only (no other methods, no fields, no
     * constructors) and {@link Md} as Markdown markup; JDK classes expose nothing but toString.
     */
    private static final class RecordsOnlyWrapper extends DefaultObjectWrapper {
        private final MarkdownOutputFormat format;

        RecordsOnlyWrapper(MarkdownOutputFormat format) {
            super(VERSION);
            this.format = format;
            setExposureLevel(BeansWrapper.EXPOSE_SAFE);
            setExposeFields(false);
            setMemberAccessPolicy(new OwnRecordsPolicy());
            writeProtect();
        }

        @Override
        public TemplateModel wrap(Object object) throws TemplateModelException {
            if (object instanceof Md md) {
                return format.fromMarkup(md.markup());
            }
            return super.wrap(object);
        }
    }

    private static final class OwnRecordsPolicy implements MemberAccessPolicy {
        private static final MemberAccessPolicy DEFAULT = DefaultMemberAccessPolicy.getInstance(VERSION);
        private static final ClassMemberAccessPolicy NOTHING = new ClassMemberAccessPolicy() {
            @Override
            public boolean isMethodExposed(Method method) {
                return false;
            }

            @Override
            public boolean isConstructorExposed(Constructor<?> constructor) {
                return false;
            }

            @Override
            public boolean isFieldExposed(Field field) {
                return false;
            }
        };

        @Override
        public ClassMemberAccessPolicy forClass(Class<?> type) {
            boolean ours = type.isRecord() && type.getName().startsWith("io.repovitals.");
            return ours ? DEFAULT.forClass(type) : NOTHING;
        }

        @Override
        public boolean isToStringAlwaysExposed() {
            return true;
        }
    }
}
