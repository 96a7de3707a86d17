/**
 * The seccomp filter of a sandboxed worker, as a classic BPF program for `bwrap --seccomp FD`
 * (seccomp(2), "struct seccomp_data"; filter instructions are `struct sock_filter`, linux/filter.h).
 *
 * The worker may run threads but never create a process: fork and vfork fail with EPERM, clone fails unless
 * it creates a thread (CLONE_THREAD), and clone3 answers ENOSYS so that glibc falls back to clone, whose flags
 * the filter can read. This caps fork bombs per worker whatever the server's uid. Kernel-facing calls that a
 * Blender build never needs (ptrace, mount, namespaces, BPF, keyrings, io_uring, modules, sockets, ...) fail
 * with EPERM. Other architectures than x86-64 are killed (no foreign syscall tables, no x32 ABI).
 */
import { writeFileSync } from "node:fs";

/** AUDIT_ARCH_X86_64 (linux/audit.h: EM_X86_64 | __AUDIT_ARCH_64BIT | __AUDIT_ARCH_LE). */
const AUDIT_ARCH_X86_64 = 0xc000003e;
/** Bit that marks x32 ABI syscall numbers on x86-64 (asm/unistd.h __X32_SYSCALL_BIT). */
const X32_SYSCALL_BIT = 0x40000000;
/** clone(2) flag: the child is a thread of the caller (linux/sched.h). */
const CLONE_THREAD = 0x00010000;

/** seccomp return actions (linux/seccomp.h). */
const RET_KILL_PROCESS = 0x80000000;
const RET_ERRNO = 0x00050000;
const RET_ALLOW = 0x7fff0000;
const EPERM = 1;
const ENOSYS = 38;

/** BPF opcodes (linux/bpf_common.h): BPF_LD|BPF_W|BPF_ABS, BPF_JMP|BPF_JEQ|BPF_K, BPF_JMP|BPF_JGE|BPF_K, BPF_JMP|BPF_JSET|BPF_K, BPF_RET|BPF_K. */
const LD_ABS = 0x20;
const JEQ = 0x15;
const JGE = 0x35;
const JSET = 0x45;
const RET = 0x06;

/** Offsets in struct seccomp_data: nr (int), arch (u32), instruction_pointer (u64), args[6] (u64, little-endian low word first). */
const OFF_NR = 0;
const OFF_ARCH = 4;
const OFF_ARG0_LO = 16;

/** x86-64 syscall numbers (arch/x86/entry/syscalls/syscall_64.tbl). */
export const X86_64 = {
  clone: 56,
  fork: 57,
  vfork: 58,
  clone3: 435,
} as const;

/** Syscalls denied with EPERM (x86-64 numbers, syscall_64.tbl), by name for the report. */
export const DENIED_SYSCALLS: Record<string, number> = {
  socket: 41,
  socketpair: 53,
  ptrace: 101,
  syslog: 103,
  personality: 135,
  adjtimex: 159,
  chroot: 161,
  acct: 163,
  settimeofday: 164,
  mount: 165,
  umount2: 166,
  swapon: 167,
  swapoff: 168,
  reboot: 169,
  sethostname: 170,
  setdomainname: 171,
  iopl: 172,
  ioperm: 173,
  init_module: 175,
  delete_module: 176,
  quotactl: 179,
  lookup_dcookie: 212,
  clock_settime: 227,
  kexec_load: 246,
  add_key: 248,
  request_key: 249,
  keyctl: 250,
  unshare: 272,
  perf_event_open: 298,
  name_to_handle_at: 303,
  open_by_handle_at: 304,
  setns: 308,
  process_vm_readv: 310,
  process_vm_writev: 311,
  kcmp: 312,
  finit_module: 313,
  kexec_file_load: 320,
  bpf: 321,
  userfaultfd: 323,
  io_uring_setup: 425,
  io_uring_enter: 426,
  io_uring_register: 427,
  open_tree: 428,
  move_mount: 429,
  fsopen: 430,
  fsconfig: 431,
  fsmount: 432,
  fspick: 433,
  pidfd_getfd: 438,
  mount_setattr: 442,
};

type Insn = [code: number, jt: number, jf: number, k: number];

/** True when this machine can use the filter (x86-64 Linux; other platforms get no filter and health says so). */
export function seccompSupported(): boolean {
  return process.platform === "linux" && process.arch === "x64";
}

/** The filter as `struct sock_filter[]` bytes (8 bytes per instruction, little-endian as on x86-64). */
export function workerSeccompFilter(): Buffer {
  const toEperm = [X32_SYSCALL_BIT, ...Object.values(DENIED_SYSCALLS), X86_64.fork, X86_64.vfork];
  // Layout (indices): 0-2 arch check, 3 load nr, 4.. one jump to EPERM per entry of `toEperm` (the first is
  // `jge` for x32 numbers), then a: clone3 -> ENOSYS, a+2: clone -> flag test, a+5: EPERM, a+6: ALLOW.
  const a = 4 + toEperm.length;
  const eperm = a + 5;
  const allow = a + 6;
  const prog: Insn[] = [
    [LD_ABS, 0, 0, OFF_ARCH],
    [JEQ, 1, 0, AUDIT_ARCH_X86_64],
    [RET, 0, 0, RET_KILL_PROCESS],
    [LD_ABS, 0, 0, OFF_NR],
  ];
  toEperm.forEach((k, i) => prog.push([i === 0 ? JGE : JEQ, eperm - prog.length - 1, 0, k]));
  prog.push([JEQ, 0, 1, X86_64.clone3]);
  prog.push([RET, 0, 0, RET_ERRNO | ENOSYS]);
  prog.push([JEQ, 0, allow - (a + 2) - 1, X86_64.clone]);
  prog.push([LD_ABS, 0, 0, OFF_ARG0_LO]);
  prog.push([JSET, allow - (a + 4) - 1, eperm - (a + 4) - 1, CLONE_THREAD]);
  prog.push([RET, 0, 0, RET_ERRNO | EPERM]);
  prog.push([RET, 0, 0, RET_ALLOW]);
  if (prog.length !== allow + 1 || prog.some(([, jt, jf]) => jt > 255 || jf > 255)) throw new Error("runner: seccomp filter layout is broken");
  const buf = Buffer.alloc(prog.length * 8);
  prog.forEach(([code, jt, jf, k], i) => {
    buf.writeUInt16LE(code, i * 8);
    buf.writeUInt8(jt, i * 8 + 2);
    buf.writeUInt8(jf, i * 8 + 3);
    buf.writeUInt32LE(k >>> 0, i * 8 + 4);
  });
  return buf;
}

/** Write the filter to `file` (read by bwrap through an inherited fd); returns the path. */
export function writeWorkerSeccompFilter(file: string): string {
  writeFileSync(file, workerSeccompFilter(), { mode: 0o600 });
  return file;
}
