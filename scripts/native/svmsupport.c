/* The rest of the C functions an image calls that a GraalVM distribution's libjvm.a and
 * libsvm_container.a would provide: file and memory helpers, thread ids, time zones, the Java
 * signal dispatcher, container limits (reported as "not containerized"), and the JNI_OnLoad_<lib>
 * hooks of the JDK libraries, which here are Temurin's shared libraries: each hook runs that
 * library's own JNI_OnLoad. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <jni.h>
#include <limits.h>
#include <semaphore.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

/* Jvm.initialize: the distribution's libjvm.a sets up its JVM_* functions here; ours need nothing. */
void initialize(void) {}

int openSII(const char *path, int flags, int mode) { return open(path, flags, mode); }
void *mremapP(void *address, size_t size, size_t newSize, int flags, void *newAddress) {
  return mremap(address, size, newSize, flags, newAddress);
}
int fprintfSD(FILE *stream, const char *format, const char *text, int number) { return fprintf(stream, format, text, number); }
int getThreadId(void) { return (int) syscall(SYS_gettid); }

/* The time zone as the JDK finds it on Linux: TZ, then /etc/timezone, then /etc/localtime's link. */
char *SVM_FindJavaTZmd(const char *javaHome, int length) {
  const char *tz = getenv("TZ");
  if (tz != NULL && *tz == ':') tz++;
  if (tz != NULL && *tz != '\0') return strdup(tz);
  FILE *file = fopen("/etc/timezone", "r");
  if (file != NULL) {
    char line[256];
    char *read = fgets(line, sizeof(line), file);
    fclose(file);
    if (read != NULL) {
      line[strcspn(line, " \t\n")] = '\0';
      if (line[0] != '\0') return strdup(line);
    }
  }
  char target[PATH_MAX];
  ssize_t n = readlink("/etc/localtime", target, sizeof(target) - 1);
  if (n > 0) {
    target[n] = '\0';
    char *zone = strstr(target, "zoneinfo/");
    if (zone != NULL) return strdup(zone + strlen("zoneinfo/"));
  }
  return strdup("UTC");
}

/* Java-level signal handlers: the C handler counts the signal and wakes the dispatcher thread. */
static sem_t signalSemaphore;
static volatile sig_atomic_t pendingSignals[NSIG];
int cSunMiscSignal_open(void) { return sem_init(&signalSemaphore, 0, 0); }
int cSunMiscSignal_close(void) { return sem_destroy(&signalSemaphore); }
int cSunMiscSignal_awaitSemaphore(void) { return sem_wait(&signalSemaphore); }
int cSunMiscSignal_signalSemaphore(void) { return sem_post(&signalSemaphore); }
jboolean cSunMiscSignal_signalRangeCheck(int signal) { return signal > 0 && signal < NSIG; }
/* The number of a signal that arrived and was not dispatched yet, or -1. */
int cSunMiscSignal_checkPendingSignal(void) {
  for (int signal = 1; signal < NSIG; signal++) {
    if (pendingSignals[signal] > 0 && __sync_fetch_and_sub(&pendingSignals[signal], 1) > 0) return signal;
  }
  return -1;
}
static void dispatch(int signal) {
  if (signal > 0 && signal < NSIG) __sync_fetch_and_add(&pendingSignals[signal], 1);
  sem_post(&signalSemaphore);
}
void *cSunMiscSignal_signalHandlerFunctionPointer(void) { return (void *) dispatch; }

int svm_container_initialize(int version) { return 0; /* SUCCESS_IS_NOT_CONTAINERIZED */ }
int svm_container_active_processor_count(void) { return (int) sysconf(_SC_NPROCESSORS_ONLN); }
unsigned long svm_container_physical_memory(void) {
  return (unsigned long) sysconf(_SC_PHYS_PAGES) * (unsigned long) sysconf(_SC_PAGESIZE);
}

static jint onLoad(JavaVM *vm, void *reserved, const char *library) {
  void *handle = dlopen(library, RTLD_NOW | RTLD_NOLOAD);
  if (handle == NULL) return JNI_VERSION_1_8;
  jint (*hook)(JavaVM *, void *) = (jint (*)(JavaVM *, void *)) dlsym(handle, "JNI_OnLoad");
  jint version = hook != NULL ? hook(vm, reserved) : JNI_VERSION_1_8;
  /* A built-in library's JNI_OnLoad_<lib> must return 1.8 or later (the image refuses "Unsupported
   * JNI version 0x10002, required by java"); the shared libraries' own JNI_OnLoad returns 1.2. */
  return version < 0 || version >= JNI_VERSION_1_8 ? version : JNI_VERSION_1_8;
}
JNIEXPORT jint JNI_OnLoad_java(JavaVM *vm, void *reserved) { return onLoad(vm, reserved, "libjava.so"); }
JNIEXPORT jint JNI_OnLoad_net(JavaVM *vm, void *reserved) { return onLoad(vm, reserved, "libnet.so"); }
JNIEXPORT jint JNI_OnLoad_nio(JavaVM *vm, void *reserved) { return onLoad(vm, reserved, "libnio.so"); }
JNIEXPORT jint JNI_OnLoad_zip(JavaVM *vm, void *reserved) { return onLoad(vm, reserved, "libzip.so"); }
JNIEXPORT jint JNI_OnLoad_extnet(JavaVM *vm, void *reserved) { return onLoad(vm, reserved, "libextnet.so"); }

/* libjava.so converts file names with JNU_GetStringPlatformChars, which needs the platform
 * encoding that HotSpot sets while it starts (InitializeEncoding, which crashes when called from
 * here). These definitions, exported by the executable, take libjava.so's calls first and convert
 * with JNI's own UTF-8 functions: right for UTF-8 locales and ASCII names. (Defining libjava.so's
 * Java_* functions here the same way does not work: the builder's version script keeps them local,
 * and the image finds libjava.so's.) */
JNIEXPORT const char *JNU_GetStringPlatformChars(JNIEnv *env, jstring string, jboolean *isCopy) {
  return (*env)->GetStringUTFChars(env, string, isCopy);
}
JNIEXPORT const char *JNU_GetStringPlatformCharsStrict(JNIEnv *env, jstring string, jboolean *isCopy) {
  return (*env)->GetStringUTFChars(env, string, isCopy);
}
JNIEXPORT void JNU_ReleaseStringPlatformChars(JNIEnv *env, jstring string, const char *chars) {
  (*env)->ReleaseStringUTFChars(env, string, chars);
}
JNIEXPORT jstring JNU_NewStringPlatform(JNIEnv *env, const char *chars) {
  return (*env)->NewStringUTF(env, chars);
}

