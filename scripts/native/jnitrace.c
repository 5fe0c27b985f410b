/* A JVMTI agent that records which classes, fields and methods native code looks up through JNI
 * (FindClass, Get[Static]FieldID, Get[Static]MethodID), one "kind class name signature" line each,
 * into the file named by its option. scripts/native/trace-jni.sh turns that into jni-config.json.
 * It stands for the JNI part of GraalVM's tracing agent, which no registry here serves. A member is
 * recorded on the class that declares it, as that agent does: native code may look a method up
 * through a subclass (AWT finds FontStrike.getGlyphMetrics through PhysicalStrike), and the image
 * registers members only where they are declared. The JDK's
 * own start-up lookups happen before VMInit, when the table is replaced; the image's builder
 * registers those itself. */
#include <jni.h>
#include <jvmti.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static jvmtiEnv *jvmti;
static FILE *out;
static const struct JNINativeInterface_ *original;

static void record(const char *kind, jclass type, const char *name, const char *signature) {
  char *typeName = NULL;
  if (type == NULL) return;
  if (type == NULL || (*jvmti)->GetClassSignature(jvmti, type, &typeName, NULL) != JVMTI_ERROR_NONE) return;
  fprintf(out, "%s %s %s %s\n", kind, typeName, name, signature);
  fflush(out);
  (*jvmti)->Deallocate(jvmti, (unsigned char *) typeName);
}

static jclass JNICALL findClass(JNIEnv *env, const char *name) {
  jclass type = original->FindClass(env, name);
  if (type != NULL) fprintf(out, "class L%s; - -\n", name);
  return type;
}
static jfieldID JNICALL getFieldID(JNIEnv *env, jclass type, const char *name, const char *signature) {
  jfieldID id = original->GetFieldID(env, type, name, signature);
  jclass declaring = NULL;
  if (id != NULL && (*jvmti)->GetFieldDeclaringClass(jvmti, type, id, &declaring) == JVMTI_ERROR_NONE) record("field", declaring, name, signature);
  return id;
}
static jfieldID JNICALL getStaticFieldID(JNIEnv *env, jclass type, const char *name, const char *signature) {
  jfieldID id = original->GetStaticFieldID(env, type, name, signature);
  jclass declaring = NULL;
  if (id != NULL && (*jvmti)->GetFieldDeclaringClass(jvmti, type, id, &declaring) == JVMTI_ERROR_NONE) record("field", declaring, name, signature);
  return id;
}
static jmethodID JNICALL getMethodID(JNIEnv *env, jclass type, const char *name, const char *signature) {
  jmethodID id = original->GetMethodID(env, type, name, signature);
  jclass declaring = NULL;
  if (id != NULL && (*jvmti)->GetMethodDeclaringClass(jvmti, id, &declaring) == JVMTI_ERROR_NONE) record("method", declaring, name, signature);
  return id;
}
static jmethodID JNICALL getStaticMethodID(JNIEnv *env, jclass type, const char *name, const char *signature) {
  jmethodID id = original->GetStaticMethodID(env, type, name, signature);
  jclass declaring = NULL;
  if (id != NULL && (*jvmti)->GetMethodDeclaringClass(jvmti, id, &declaring) == JVMTI_ERROR_NONE) record("method", declaring, name, signature);
  return id;
}

static void JNICALL vmInit(jvmtiEnv *env, JNIEnv *jni, jthread thread) {
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
  out = fopen(options != NULL && *options ? options : "jni-trace.txt", "a");
  if (out == NULL || (*vm)->GetEnv(vm, (void **) &jvmti, JVMTI_VERSION_1_2) != JNI_OK) return JNI_ERR;
  jvmtiEventCallbacks callbacks;
  memset(&callbacks, 0, sizeof(callbacks));
  callbacks.VMInit = vmInit;
  (*jvmti)->SetEventCallbacks(jvmti, &callbacks, sizeof(callbacks));
  (*jvmti)->SetEventNotificationMode(jvmti, JVMTI_ENABLE, JVMTI_EVENT_VM_INIT, NULL);
  return JNI_OK;
}
