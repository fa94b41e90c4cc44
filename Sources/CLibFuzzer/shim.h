// libFuzzer's entry for programs that keep their own main (LLVM 12+): `cccd-fuzz` built with
// -sanitize=fuzzer calls it; the normal build never does, so nothing needs to link it there.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*UserCb)(const uint8_t *Data, size_t Size));
