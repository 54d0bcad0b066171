#define _XOPEN_SOURCE 600
#include "CPseudoTerminal.h"

#include <fcntl.h>
#include <stdlib.h>
#include <termios.h>
#include <unistd.h>

int dojo_open_pseudo_terminal(int *device) {
    int controller = posix_openpt(O_RDWR | O_NOCTTY);
    if (controller < 0) return -1;
    if (grantpt(controller) != 0 || unlockpt(controller) != 0) {
        close(controller);
        return -1;
    }
    const char *name = ptsname(controller);
    int terminal = name ? open(name, O_RDWR | O_NOCTTY) : -1;
    if (terminal < 0) {
        close(controller);
        return -1;
    }
    struct termios settings;
    if (tcgetattr(terminal, &settings) == 0) {
        settings.c_lflag &= ~(tcflag_t)ECHO;
        tcsetattr(terminal, TCSANOW, &settings);
    }
    *device = terminal;
    return controller;
}
