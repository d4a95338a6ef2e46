// Which pages of an executable's code a run touches, exactly, and what touched each: an
// LD_PRELOAD library for measurement only (docs/performance.md, "Memory"). Every page of the
// executable's code starts PROT_NONE; the first touch of each faults, is logged as
// "page-offset instruction-offset x|r" (x: code ran there; r: read as data) and the page is
// made readable and executable again. Without it, the kernel's 64 KiB fault-around hides which
// page brought a window in. It found the unnamed local functions that
// scripts/unnamed-functions.ld now gathers.
//
//   gcc -O2 -shared -fPIC -o /tmp/first-touch.so bench/first-touch.c
//   LD_PRELOAD=/tmp/first-touch.so TRACE_EXE=release/intake TRACE_OUT=/tmp/touches.txt
//     SWIFT_BACKTRACE=enable=no .build-static/release/intake run ...   (one command line)
//
// SWIFT_BACKTRACE=enable=no keeps the Swift runtime from installing its own SIGSEGV handler.
// Offsets are from the executable's first mapping: compare them with `nm -n` or a linker map.
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>
static unsigned long lo_, hi_, base_;
static int fd_ = -1;
static void hex(char *p, unsigned long v) { for (int i = 15; i >= 0; i--) { p[i] = "0123456789abcdef"[v & 15]; v >>= 4; } }
static void on_segv(int sig, siginfo_t *info, void *ctx) {
    (void)sig;
    unsigned long a = (unsigned long)info->si_addr;
    if (a < lo_ || a >= hi_) { signal(SIGSEGV, SIG_DFL); return; }
    unsigned long page = a & ~4095UL;
    unsigned long rip = ((ucontext_t *)ctx)->uc_mcontext.gregs[REG_RIP];
    char line[40]; hex(line, page - base_); line[16] = ' '; hex(line + 17, rip >= lo_ && rip < hi_ ? rip - base_ : rip); line[33] = ' ';
    line[34] = (rip >= page && rip < page + 4096) ? 'x' : 'r'; line[35] = '\n';
    if (write(fd_, line, 36) < 0) { /* nothing to do about it in a signal handler */ }
    mprotect((void *)page, 4096, PROT_READ | PROT_EXEC);
}
__attribute__((constructor)) static void trace(void) {
    const char *want = getenv("TRACE_EXE"), *out = getenv("TRACE_OUT");
    if (!want || !out) return;
    fd_ = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    FILE *f = fopen("/proc/self/maps", "r");
    char line[512];
    while (fgets(line, sizeof line, f)) {
        unsigned long lo, hi, off; char perms[8]; char path[400] = "";
        if (sscanf(line, "%lx-%lx %7s %lx %*s %*s %399s", &lo, &hi, perms, &off, path) < 4) continue;
        if (!strstr(path, want)) continue;
        if (off == 0) base_ = lo;
        if (perms[2] == 'x') { lo_ = lo; hi_ = hi; }
    }
    fclose(f);
    struct sigaction sa; memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_segv; sa.sa_flags = SA_SIGINFO | SA_NODEFER;
    sigaction(SIGSEGV, &sa, 0);
    madvise((void *)lo_, hi_ - lo_, MADV_DONTNEED);
    mprotect((void *)lo_, hi_ - lo_, PROT_NONE);
}
