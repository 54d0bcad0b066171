#ifndef DOJO_CPSEUDOTERMINAL_H
#define DOJO_CPSEUDOTERMINAL_H

/// Opens a new pseudo-terminal with echo turned off. Returns the controller's descriptor and
/// stores the descriptor of the terminal device (for the child process) in `device`; returns
/// -1 on failure. Swift's C library overlay does not show posix_openpt and friends, hence C.
int dojo_open_pseudo_terminal(int *device);

#endif
