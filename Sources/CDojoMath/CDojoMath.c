/* CDojoMath is header-only (see include/CDojoMath.h); SwiftPM needs one source file per C target. */
#include "CDojoMath.h"
