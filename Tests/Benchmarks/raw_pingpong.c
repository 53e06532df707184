/*
 * The floor the RPC benchmark is measured against: two processes ping-pong one message over a Unix stream
 * socket with plain read() and write(), framed like the RPC layer (4-byte big-endian length, then the bytes),
 * with no encoding, no event loop and no scheduling between them.
 *
 * Usage: raw_pingpong [round_trips] [message_bytes] [warmup]
 * Prints one "key value" line each: p50_us, p99_us, round_trips_per_s, message_bytes, round_trips.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void die(const char *what) {
    perror(what);
    exit(1);
}

/* Reads exactly len bytes; 0 on end of file before the first byte, -1 on error or a short read. */
static int read_full(int fd, void *buf, size_t len) {
    size_t done = 0;
    while (done < len) {
        ssize_t n = read(fd, (char *)buf + done, len - done);
        if (n < 0 && errno == EINTR) continue;
        if (n == 0 && done == 0) return 0;
        if (n <= 0) return -1;
        done += (size_t)n;
    }
    return 1;
}

static void write_full(int fd, const void *buf, size_t len) {
    size_t done = 0;
    while (done < len) {
        ssize_t n = write(fd, (const char *)buf + done, len - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) die("write");
        done += (size_t)n;
    }
}

/* Sends one frame: the length prefix and the body in one write, as the RPC layer does. */
static void send_frame(int fd, unsigned char *frame, uint32_t body_len) {
    uint32_t prefix = htonl(body_len);
    memcpy(frame, &prefix, 4);
    write_full(fd, frame, 4 + (size_t)body_len);
}

/* Reads one frame into frame; its body length, or -1 at end of file. */
static long recv_frame(int fd, unsigned char *frame, size_t capacity) {
    uint32_t prefix;
    int got = read_full(fd, &prefix, 4);
    if (got == 0) return -1;
    if (got < 0) die("read prefix");
    uint32_t body_len = ntohl(prefix);
    if ((size_t)body_len + 4 > capacity) { fprintf(stderr, "frame too long\n"); exit(1); }
    if (read_full(fd, frame + 4, body_len) != 1) die("read body");
    return (long)body_len;
}

/* The echo side: answers every frame with itself until the peer closes. */
static void serve(int listener, size_t capacity) {
    int fd = accept(listener, NULL, NULL);
    if (fd < 0) die("accept");
    unsigned char *frame = malloc(capacity);
    long len;
    while ((len = recv_frame(fd, frame, capacity)) >= 0) send_frame(fd, frame, (uint32_t)len);
    free(frame);
    close(fd);
}

static double now_us(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static int compare_doubles(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv) {
    long round_trips = argc > 1 ? atol(argv[1]) : 100000;
    long message_bytes = argc > 2 ? atol(argv[2]) : 200;
    long warmup = argc > 3 ? atol(argv[3]) : 2000;
    if (round_trips < 1 || message_bytes < 1 || warmup < 0) { fprintf(stderr, "bad arguments\n"); return 2; }
    size_t capacity = 4 + (size_t)message_bytes;

    struct sockaddr_un address = {.sun_family = AF_UNIX};
    snprintf(address.sun_path, sizeof address.sun_path, "/tmp/raw_pingpong.%d.sock", (int)getpid());
    unlink(address.sun_path);
    int listener = socket(AF_UNIX, SOCK_STREAM, 0);
    if (listener < 0) die("socket");
    if (bind(listener, (struct sockaddr *)&address, sizeof address) < 0) die("bind");
    if (listen(listener, 1) < 0) die("listen");

    pid_t child = fork();
    if (child < 0) die("fork");
    if (child == 0) {
        serve(listener, capacity);
        _exit(0);
    }
    close(listener);

    int fd = socket(AF_UNIX, SOCK_STREAM, 0);
    if (fd < 0) die("socket");
    if (connect(fd, (struct sockaddr *)&address, sizeof address) < 0) die("connect");
    unlink(address.sun_path);

    unsigned char *frame = malloc(capacity);
    for (long i = 0; i < message_bytes; i++) frame[4 + i] = (unsigned char)(i * 31 + 7);
    double *samples = malloc(sizeof(double) * (size_t)round_trips);
    for (long i = 0; i < warmup; i++) {
        send_frame(fd, frame, (uint32_t)message_bytes);
        if (recv_frame(fd, frame, capacity) != message_bytes) die("echo");
    }
    double started = now_us();
    for (long i = 0; i < round_trips; i++) {
        double t0 = now_us();
        send_frame(fd, frame, (uint32_t)message_bytes);
        if (recv_frame(fd, frame, capacity) != message_bytes) die("echo");
        samples[i] = now_us() - t0;
    }
    double elapsed = now_us() - started;
    close(fd);
    waitpid(child, NULL, 0);

    qsort(samples, (size_t)round_trips, sizeof(double), compare_doubles);
    printf("p50_us %.2f\n", samples[round_trips / 2]);
    printf("p99_us %.2f\n", samples[(long)((double)round_trips * 0.99)]);
    printf("round_trips_per_s %.0f\n", (double)round_trips / (elapsed / 1e6));
    printf("message_bytes %ld\n", message_bytes);
    printf("round_trips %ld\n", round_trips);
    free(samples);
    free(frame);
    return 0;
}
