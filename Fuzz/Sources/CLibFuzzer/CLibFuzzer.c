// libFuzzer itself comes from the toolchain, linked in by `-sanitize=fuzzer`; this target gives
// it the per-input entry point it refers to, forwarding to the Swift target.
#include "CLibFuzzer.h"

static int (*fuzzTarget)(const uint8_t *data, size_t size);

void DojoFuzzSetTarget(int (*target)(const uint8_t *data, size_t size)) {
    fuzzTarget = target;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    return fuzzTarget ? fuzzTarget(data, size) : 0;
}
