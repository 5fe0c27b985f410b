/* A JVMTI tracing agent: it records what a native image has to be told of, while the jar runs on a
 * JDK, one line per access, into the file named by its option. scripts/native/trace-metadata.sh
 * turns the lines into jni-config.json, reflect-config.json, resource-config.json and
 * proxy-config.json. It stands for GraalVM's tracing agent (native-image-agent), which no registry
 * here serves; like that agent it sets breakpoints on the JDK's reflection and resource entry
 * points and replaces the JNI function table. Lines:
 *   jni-class <type>            jni-field <type> <name>     jni-method <type> <name> <descriptor>
 *   reflect <type> <what> <caller>    (what: class, allDeclaredFields, allPublicMethods, ...)
 *   reflect-field <type> <name> <caller>
 *   reflect-method <type> <name> <parameter descriptors, "()" for none> <caller>
 *   resource <name> <caller>          proxy <interface>,<interface>,... <caller>
 * Types are JVM descriptors (Ljava/lang/String;). A JNI member is recorded on the class that
 * declares it, as GraalVM's agent does: native code may look a method up through a subclass (AWT
 * finds FontStrike.getGlyphMetrics through PhysicalStrike), and the image registers members where
 * they are declared. The JDK's own start-up lookups happen before VMInit; the builder knows those. */
#include <jni.h>
#include <jvmti.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static jvmtiEnv *jvmti;
static FILE *out;
static jrawMonitorID lock;
static const struct JNINativeInterface_ *original;

static void emit(const char *format, ...) __attribute__((format(printf, 1, 2)));
static void emit(const char *format, ...) {
  va_list args;
  va_start(args, format);
  (*jvmti)->RawMonitorEnter(jvmti, lock);
  vfprintf(out, format, args);
  fflush(out);
  (*jvmti)->RawMonitorExit(jvmti, lock);
  va_end(args);
}

/* The class's descriptor into buffer, "-" when there is none. */
static const char *descriptor(jclass type, char *buffer, size_t size) {
  char *signature = NULL;
  snprintf(buffer, size, "-");
  if (type != NULL && (*jvmti)->GetClassSignature(jvmti, type, &signature, NULL) == JVMTI_ERROR_NONE) {
    snprintf(buffer, size, "%s", signature);
    (*jvmti)->Deallocate(jvmti, (unsigned char *) signature);
  }
  return buffer;
}

/* ---- JNI: FindClass, Get[Static]FieldID, Get[Static]MethodID ---- */

static jclass JNICALL findClass(JNIEnv *env, const char *name) {
  jclass type = original->FindClass(env, name);
  if (type != NULL) emit(name[0] == '[' ? "jni-class %s\n" : "jni-class L%s;\n", name);
  return type;
}
static void recordField(jclass type, jfieldID id, const char *name) {
  jclass declaring = NULL;
  char buffer[1024];
  if (id != NULL && (*jvmti)->GetFieldDeclaringClass(jvmti, type, id, &declaring) == JVMTI_ERROR_NONE)
    emit("jni-field %s %s\n", descriptor(declaring, buffer, sizeof buffer), name);
}
static void recordMethod(jmethodID id, const char *name, const char *signature) {
  jclass declaring = NULL;
  char buffer[1024];
  if (id != NULL && (*jvmti)->GetMethodDeclaringClass(jvmti, id, &declaring) == JVMTI_ERROR_NONE)
    emit("jni-method %s %s %s\n", descriptor(declaring, buffer, sizeof buffer), name, signature);
}
static jfieldID JNICALL getFieldID(JNIEnv *env, jclass type, const char *name, const char *signature) {
  jfieldID id = original->GetFieldID(env, type, name, signature);
  recordField(type, id, name);
  return id;
}
static jfieldID JNICALL getStaticFieldID(JNIEnv *env, jclass type, const char *name, const char *signature) {
  jfieldID id = original->GetStaticFieldID(env, type, name, signature);
  recordField(type, id, name);
  return id;
}
static jmethodID JNICALL getMethodID(JNIEnv *env, jclass type, const char *name, const char *signature) {
  jmethodID id = original->GetMethodID(env, type, name, signature);
  recordMethod(id, name, signature);
  return id;
}
static jmethodID JNICALL getStaticMethodID(JNIEnv *env, jclass type, const char *name, const char *signature) {
  jmethodID id = original->GetStaticMethodID(env, type, name, signature);
  recordMethod(id, name, signature);
  return id;
}

/* ---- Reflection and resources: breakpoints on the JDK's entry points ---- */

enum action { FOR_NAME, ALL_MEMBERS, FIELD, METHOD, CONSTRUCTOR, RESOURCE, CLASS_RESOURCE, PROXY };

struct target {
  const char *type, *name, *signature;
  int isStatic;
  enum action action;
  const char *what;  /* ALL_MEMBERS: the reflect-config key */
  int slot;          /* the local slot of the argument that is read */
  jmethodID method;
};

static struct target targets[] = {
  {"java/lang/Class", "forName", "(Ljava/lang/String;)Ljava/lang/Class;", 1, FOR_NAME, NULL, 0},
  {"java/lang/Class", "forName", "(Ljava/lang/String;ZLjava/lang/ClassLoader;)Ljava/lang/Class;", 1, FOR_NAME, NULL, 0},
  {"java/lang/Class", "forName", "(Ljava/lang/Module;Ljava/lang/String;)Ljava/lang/Class;", 1, FOR_NAME, NULL, 1},
  {"java/lang/Class", "getDeclaredFields", "()[Ljava/lang/reflect/Field;", 0, ALL_MEMBERS, "allDeclaredFields", 0},
  {"java/lang/Class", "getFields", "()[Ljava/lang/reflect/Field;", 0, ALL_MEMBERS, "allPublicFields", 0},
  {"java/lang/Class", "getDeclaredMethods", "()[Ljava/lang/reflect/Method;", 0, ALL_MEMBERS, "allDeclaredMethods", 0},
  {"java/lang/Class", "getMethods", "()[Ljava/lang/reflect/Method;", 0, ALL_MEMBERS, "allPublicMethods", 0},
  {"java/lang/Class", "getDeclaredConstructors", "()[Ljava/lang/reflect/Constructor;", 0, ALL_MEMBERS, "allDeclaredConstructors", 0},
  {"java/lang/Class", "getConstructors", "()[Ljava/lang/reflect/Constructor;", 0, ALL_MEMBERS, "allPublicConstructors", 0},
  {"java/lang/Class", "getRecordComponents", "()[Ljava/lang/reflect/RecordComponent;", 0, ALL_MEMBERS, "allRecordComponents", 0},
  {"java/lang/Class", "getDeclaredClasses", "()[Ljava/lang/Class;", 0, ALL_MEMBERS, "allDeclaredClasses", 0},
  {"java/lang/Class", "getDeclaredField", "(Ljava/lang/String;)Ljava/lang/reflect/Field;", 0, FIELD, NULL, 1},
  {"java/lang/Class", "getField", "(Ljava/lang/String;)Ljava/lang/reflect/Field;", 0, FIELD, NULL, 1},
  {"java/lang/Class", "getDeclaredMethod", "(Ljava/lang/String;[Ljava/lang/Class;)Ljava/lang/reflect/Method;", 0, METHOD, NULL, 1},
  {"java/lang/Class", "getMethod", "(Ljava/lang/String;[Ljava/lang/Class;)Ljava/lang/reflect/Method;", 0, METHOD, NULL, 1},
  {"java/lang/Class", "getDeclaredConstructor", "([Ljava/lang/Class;)Ljava/lang/reflect/Constructor;", 0, CONSTRUCTOR, NULL, 1},
  {"java/lang/Class", "getConstructor", "([Ljava/lang/Class;)Ljava/lang/reflect/Constructor;", 0, CONSTRUCTOR, NULL, 1},
  {"java/lang/Class", "getResource", "(Ljava/lang/String;)Ljava/net/URL;", 0, CLASS_RESOURCE, NULL, 1},
  {"java/lang/Class", "getResourceAsStream", "(Ljava/lang/String;)Ljava/io/InputStream;", 0, CLASS_RESOURCE, NULL, 1},
  {"java/lang/ClassLoader", "getResource", "(Ljava/lang/String;)Ljava/net/URL;", 0, RESOURCE, NULL, 1},
  {"java/lang/ClassLoader", "getResources", "(Ljava/lang/String;)Ljava/util/Enumeration;", 0, RESOURCE, NULL, 1},
  {"java/lang/ClassLoader", "resources", "(Ljava/lang/String;)Ljava/util/stream/Stream;", 0, RESOURCE, NULL, 1},
  {"java/lang/ClassLoader", "getResourceAsStream", "(Ljava/lang/String;)Ljava/io/InputStream;", 0, RESOURCE, NULL, 1},
  {"java/lang/ClassLoader", "getSystemResource", "(Ljava/lang/String;)Ljava/net/URL;", 1, RESOURCE, NULL, 0},
  {"java/lang/ClassLoader", "getSystemResourceAsStream", "(Ljava/lang/String;)Ljava/io/InputStream;", 1, RESOURCE, NULL, 0},
  {"java/lang/reflect/Proxy", "newProxyInstance",
   "(Ljava/lang/ClassLoader;[Ljava/lang/Class;Ljava/lang/reflect/InvocationHandler;)Ljava/lang/Object;", 1, PROXY, NULL, 1},
};
#define TARGETS ((int) (sizeof targets / sizeof targets[0]))

/* The class of the code that called the traced method (frame 1), as a descriptor. */
static const char *caller(jthread thread, char *buffer, size_t size) {
  jvmtiFrameInfo frames[1];
  jint count = 0;
  jclass type = NULL;
  snprintf(buffer, size, "-");
  if ((*jvmti)->GetStackTrace(jvmti, thread, 1, 1, frames, &count) == JVMTI_ERROR_NONE && count == 1
      && (*jvmti)->GetMethodDeclaringClass(jvmti, frames[0].method, &type) == JVMTI_ERROR_NONE)
    descriptor(type, buffer, size);
  return buffer;
}

/* A java.lang.String into buffer; NULL when the object is null. */
static const char *string(JNIEnv *env, jobject value, char *buffer, size_t size) {
  if (value == NULL) return NULL;
  const char *chars = (*env)->GetStringUTFChars(env, value, NULL);
  if (chars == NULL) return NULL;
  snprintf(buffer, size, "%s", chars);
  (*env)->ReleaseStringUTFChars(env, value, chars);
  return buffer;
}

/* A Class[] as concatenated descriptors, "()" for an empty or null array; 0 if one is null. */
static int descriptors(JNIEnv *env, jobjectArray types, char *buffer, size_t size) {
  char one[1024];
  size_t used = 0;
  buffer[0] = '\0';
  jsize length = types == NULL ? 0 : (*env)->GetArrayLength(env, types);
  for (jsize i = 0; i < length; i++) {
    jobject type = (*env)->GetObjectArrayElement(env, types, i);
    if (type == NULL) return 0;
    descriptor(type, one, sizeof one);
    used += snprintf(buffer + used, used < size ? size - used : 0, "%s%s", i == 0 ? "" : ",", one);
    (*env)->DeleteLocalRef(env, type);
  }
  if (length == 0) snprintf(buffer, size, "()");
  return used < size;
}

static void JNICALL breakpoint(jvmtiEnv *env, JNIEnv *jni, jthread thread, jmethodID method, jlocation location) {
  struct target *target = NULL;
  for (int i = 0; i < TARGETS && target == NULL; i++) if (targets[i].method == method) target = &targets[i];
  if (target == NULL) return;
  char from[1024], type[1024], text[4096], list[8192];
  jobject receiver = NULL, argument = NULL;
  if (!target->isStatic && (*jvmti)->GetLocalObject(jvmti, thread, 0, 0, &receiver) != JVMTI_ERROR_NONE) return;
  if ((*jvmti)->GetLocalObject(jvmti, thread, 0, target->slot, &argument) != JVMTI_ERROR_NONE) return;
  caller(thread, from, sizeof from);
  switch (target->action) {
    case FOR_NAME:
      if (string(jni, argument, text, sizeof text)) emit("reflect %s class %s\n", text, from);
      break;
    case ALL_MEMBERS:
      emit("reflect %s %s %s\n", descriptor(receiver, type, sizeof type), target->what, from);
      break;
    case FIELD:
      if (string(jni, argument, text, sizeof text))
        emit("reflect-field %s %s %s\n", descriptor(receiver, type, sizeof type), text, from);
      break;
    case METHOD: {
      jobject parameters = NULL;
      if (string(jni, argument, text, sizeof text)
          && (*jvmti)->GetLocalObject(jvmti, thread, 0, 2, &parameters) == JVMTI_ERROR_NONE
          && descriptors(jni, parameters, list, sizeof list))
        emit("reflect-method %s %s %s %s\n", descriptor(receiver, type, sizeof type), text, list, from);
      break;
    }
    case CONSTRUCTOR:
      if (descriptors(jni, argument, list, sizeof list))
        emit("reflect-method %s <init> %s %s\n", descriptor(receiver, type, sizeof type), list, from);
      break;
    case RESOURCE:
      if (string(jni, argument, text, sizeof text)) emit("resource %s %s\n", text, from);
      break;
    case CLASS_RESOURCE:
      /* Class.getResource resolves a name without a leading slash against the class's package. */
      if (string(jni, argument, text, sizeof text)) {
        if (text[0] == '/') {
          emit("resource %s %s\n", text + 1, from);
        } else {
          descriptor(receiver, type, sizeof type);
          char *slash = strrchr(type, '/');
          if (type[0] == 'L' && slash != NULL) emit("resource %.*s/%s %s\n", (int) (slash - type - 1), type + 1, text, from);
          else if (type[0] == 'L') emit("resource %s %s\n", text, from);
        }
      }
      break;
    case PROXY:
      if (descriptors(jni, argument, list, sizeof list)) emit("proxy %s %s\n", list, from);
      break;
  }
  if (receiver != NULL) (*jni)->DeleteLocalRef(jni, receiver);
  if (argument != NULL) (*jni)->DeleteLocalRef(jni, argument);
}

static void JNICALL vmInit(jvmtiEnv *env, JNIEnv *jni, jthread thread) {
  for (int i = 0; i < TARGETS; i++) {
    struct target *target = &targets[i];
    jclass type = (*jni)->FindClass(jni, target->type);
    if (type == NULL) { (*jni)->ExceptionClear(jni); fprintf(stderr, "traceagent: no class %s\n", target->type); continue; }
    target->method = target->isStatic ? (*jni)->GetStaticMethodID(jni, type, target->name, target->signature)
                                      : (*jni)->GetMethodID(jni, type, target->name, target->signature);
    jclass declaring = NULL;
    if (target->method == NULL || (*jvmti)->GetMethodDeclaringClass(jvmti, target->method, &declaring) != JVMTI_ERROR_NONE
        || !(*jni)->IsSameObject(jni, declaring, type)) {
      (*jni)->ExceptionClear(jni);
      fprintf(stderr, "traceagent: %s.%s%s is not declared there; not traced\n", target->type, target->name, target->signature);
      target->method = NULL;
      continue;
    }
    jvmtiError error = (*jvmti)->SetBreakpoint(jvmti, target->method, 0);
    if (error != JVMTI_ERROR_NONE) fprintf(stderr, "traceagent: breakpoint on %s.%s: JVMTI error %d\n", target->type, target->name, error);
  }
  (*jvmti)->SetEventNotificationMode(jvmti, JVMTI_ENABLE, JVMTI_EVENT_BREAKPOINT, NULL);

  jniNativeInterface *table;
  if ((*jvmti)->GetJNIFunctionTable(jvmti, &table) != JVMTI_ERROR_NONE) return;
  static struct JNINativeInterface_ saved;
  memcpy(&saved, table, sizeof(saved));
  original = &saved;
  table->FindClass = findClass;
  table->GetFieldID = getFieldID;
  table->GetStaticFieldID = getStaticFieldID;
  table->GetMethodID = getMethodID;
  table->GetStaticMethodID = getStaticMethodID;
  (*jvmti)->SetJNIFunctionTable(jvmti, table);
  (*jvmti)->Deallocate(jvmti, (unsigned char *) table);
}

JNIEXPORT jint JNICALL Agent_OnLoad(JavaVM *vm, char *options, void *reserved) {
  out = fopen(options != NULL && *options ? options : "trace.txt", "a");
  if (out == NULL || (*vm)->GetEnv(vm, (void **) &jvmti, JVMTI_VERSION_1_2) != JNI_OK) return JNI_ERR;
  jvmtiCapabilities capabilities;
  memset(&capabilities, 0, sizeof capabilities);
  capabilities.can_generate_breakpoint_events = 1;
  capabilities.can_access_local_variables = 1;
  if ((*jvmti)->AddCapabilities(jvmti, &capabilities) != JVMTI_ERROR_NONE) return JNI_ERR;
  (*jvmti)->CreateRawMonitor(jvmti, "traceagent", &lock);
  jvmtiEventCallbacks callbacks;
  memset(&callbacks, 0, sizeof(callbacks));
  callbacks.VMInit = vmInit;
  callbacks.Breakpoint = breakpoint;
  (*jvmti)->SetEventCallbacks(jvmti, &callbacks, sizeof(callbacks));
  (*jvmti)->SetEventNotificationMode(jvmti, JVMTI_ENABLE, JVMTI_EVENT_VM_INIT, NULL);
  return JNI_OK;
}
