/* The practical speed limit for CartPole on this machine: Gymnasium's CartPole equations in a
 * plain C loop (double precision, Euler integration, uniform reset in [-0.05, 0.05], random
 * actions from xorshift64*), with no framework around them. Compiled -O2 by run.sh.
 * Usage: cartpole_loop [STEPS] [REPEATS]; reports the median of REPEATS timed runs after a warm-up.
 * Prints one JSON object: {"name": "cartpole/c-loop", "steps": N, "seconds": S, "steps_per_second": R}.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static uint64_t rng_state = 0x9E3779B97F4A7C15ull;

static uint64_t next_random(void) {
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 0x2545F4914F6CDD1Dull;
}

static double uniform(double low, double high) {
    return low + (high - low) * (double)(next_random() >> 11) * 0x1.0p-53;
}

static double seconds_now(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)now.tv_sec + 1e-9 * (double)now.tv_nsec;
}

static double run(long steps) {
    const double gravity = 9.8, cart_mass = 1.0, pole_mass = 0.1, total_mass = 1.1;
    const double half_length = 0.5, pole_mass_length = 0.05, force_mag = 10.0, tau = 0.02;
    const double theta_threshold = 12 * 2 * M_PI / 360, x_threshold = 2.4;
    double s[4];
    long episode_steps = 0;
    double checksum = 0;
    for (int i = 0; i < 4; i++) s[i] = uniform(-0.05, 0.05);
    double start = seconds_now();
    for (long step = 0; step < steps; step++) {
        double force = (next_random() & 1) ? force_mag : -force_mag;
        double cos_theta = cos(s[2]), sin_theta = sin(s[2]);
        double temp = (force + pole_mass_length * (s[3] * s[3]) * sin_theta) / total_mass;
        double theta_acc = (gravity * sin_theta - cos_theta * temp)
            / (half_length * (4.0 / 3.0 - pole_mass * (cos_theta * cos_theta) / total_mass));
        double x_acc = temp - pole_mass_length * theta_acc * cos_theta / total_mass;
        s[0] += tau * s[1];
        s[1] += tau * x_acc;
        s[2] += tau * s[3];
        s[3] += tau * theta_acc;
        float observation[4] = {(float)s[0], (float)s[1], (float)s[2], (float)s[3]};
        checksum += observation[0];
        episode_steps++;
        int terminated = s[0] < -x_threshold || s[0] > x_threshold || s[2] < -theta_threshold || s[2] > theta_threshold;
        if (terminated || episode_steps >= 500) {
            for (int i = 0; i < 4; i++) s[i] = uniform(-0.05, 0.05);
            episode_steps = 0;
        }
    }
    double elapsed = seconds_now() - start;
    if (checksum == 12345.678) printf("#");
    (void)cart_mass;
    return elapsed;
}

static int compare_doubles(const void *left, const void *right) {
    double a = *(const double *)left, b = *(const double *)right;
    return (a > b) - (a < b);
}

int main(int argc, char **argv) {
    long steps = argc > 1 ? atol(argv[1]) : 50000000;
    int repeats = argc > 2 ? atoi(argv[2]) : 5;
    if (repeats < 1 || repeats > 100) repeats = 5;
    double samples[100];
    run(steps / 10);
    for (int r = 0; r < repeats; r++) samples[r] = run(steps);
    qsort(samples, (size_t)repeats, sizeof(double), compare_doubles);
    double median = repeats % 2 ? samples[repeats / 2] : (samples[repeats / 2 - 1] + samples[repeats / 2]) / 2;
    printf("{\"name\": \"cartpole/c-loop\", \"env\": \"CartPole-v1\", \"copies\": 1, \"threads\": 1, "
           "\"steps\": %ld, \"seconds\": %.6f, \"steps_per_second\": %.0f}\n", steps, median, steps / median);
    return 0;
}
