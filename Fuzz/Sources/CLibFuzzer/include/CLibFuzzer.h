#ifndef CLIBFUZZER_H
#define CLIBFUZZER_H

#include <stddef.h>
#include <stdint.h>

/// The function each input goes to: set once, before the driver starts.
void DojoFuzzSetTarget(int (*target)(const uint8_t *data, size_t size));

/// libFuzzer's per-input entry point, forwarding to the target set above. libFuzzer's own
/// objects refer to it, so it must exist even when the driver is started by hand.
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/// libFuzzer's entry point for programs with their own `main`: parses libFuzzer's flags from
/// `argv` and fuzzes `callback` (see https://llvm.org/docs/LibFuzzer.html).
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
