/* The C helpers an image calls at start-up: CPU features and the locale. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <locale.h>
#include "amd64cpufeatures.h"
#include "svm_locale.h"

void determineCPUFeatures(CPUFeatures *f) {
  memset(f, 0, sizeof(*f));
  __builtin_cpu_init();
  /* x86-64 baseline: every 64-bit x86 CPU has these. */
  f->fCX8 = 1; f->fCMOV = 1; f->fFXSR = 1; f->fMMX = 1; f->fSSE = 1; f->fSSE2 = 1;
  f->fSSE3 = __builtin_cpu_supports("sse3") != 0;
  f->fSSSE3 = __builtin_cpu_supports("ssse3") != 0;
  f->fSSE4_1 = __builtin_cpu_supports("sse4.1") != 0;
  f->fSSE4_2 = __builtin_cpu_supports("sse4.2") != 0;
  f->fPOPCNT = __builtin_cpu_supports("popcnt") != 0;
  f->fAVX = __builtin_cpu_supports("avx") != 0;
  f->fAVX2 = __builtin_cpu_supports("avx2") != 0;
  f->fBMI1 = __builtin_cpu_supports("bmi") != 0;
  f->fBMI2 = __builtin_cpu_supports("bmi2") != 0;
  f->fFMA = __builtin_cpu_supports("fma") != 0;
}

/* The image is compiled for -march=compatibility (x86-64 baseline, which every x86-64 CPU has),
 * so there is nothing to refuse: 0 means "supported". */
int checkCPUFeatures(const char *buildtime) { return 0; }

int checkCPUFeaturesOrExit(const char *buildtime, const char *message) {
  int result = checkCPUFeatures(buildtime);
  if (result != 0) {
    fputs(message, stderr);
    exit(1);
  }
  return result;
}

static svm_locale_props_t props;

/* Splits "ll_CC.encoding@variant" as the JDK does; C and POSIX mean en_US. */
static void parse(const char *value, char **language, char **country, char **variant) {
  if (value == NULL || strcmp(value, "C") == 0 || strcmp(value, "POSIX") == 0 || strncmp(value, "C.", 2) == 0) value = "en_US";
  char *copy = strdup(value);
  char *at = strchr(copy, '@');
  if (at) { *at = 0; *variant = strdup(at + 1); }
  char *dot = strchr(copy, '.');
  if (dot) *dot = 0;
  char *underscore = strchr(copy, '_');
  if (underscore) { *underscore = 0; *country = strdup(underscore + 1); }
  *language = copy;
}

int svm_initialize_locale(void) {
  parse(setlocale(LC_MESSAGES, ""), &props.display_language, &props.display_country, &props.display_variant);
  parse(setlocale(LC_CTYPE, ""), &props.format_language, &props.format_country, &props.format_variant);
  return SVM_LOCALE_INITIALIZATION_SUCCEEDED;
}

svm_locale_props_t *svm_get_locale(void) { return &props; }
