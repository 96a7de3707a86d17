import { describe, expect, it } from "vitest";
import { DENIED_SYSCALLS, workerSeccompFilter, X86_64 } from "./seccomp";

/** A tiny classic-BPF interpreter over the opcodes the filter uses (linux/filter.h semantics). */
function run(filter: Buffer, data: { nr: number; arch?: number; arg0?: number }): number {
  const word = (off: number) => (off === 0 ? data.nr : off === 4 ? (data.arch ?? 0xc000003e) : off === 16 ? (data.arg0 ?? 0) : 0);
  let acc = 0;
  for (let pc = 0; pc < filter.length / 8; pc++) {
    const code = filter.readUInt16LE(pc * 8);
    const jt = filter.readUInt8(pc * 8 + 2);
    const jf = filter.readUInt8(pc * 8 + 3);
    const k = filter.readUInt32LE(pc * 8 + 4);
    if (code === 0x20) acc = word(k);
    else if (code === 0x06) return k;
    else if (code === 0x15) pc += acc === k ? jt : jf;
    else if (code === 0x35) pc += acc >>> 0 >= k ? jt : jf;
    else if (code === 0x45) pc += (acc & k) !== 0 ? jt : jf;
    else throw new Error(`opcode ${code}`);
  }
  throw new Error("fell off the end");
}

const ALLOW = 0x7fff0000;
const EPERM = 0x00050001;
const ENOSYS = 0x00050026;

describe("worker seccomp filter", () => {
  const f = workerSeccompFilter();
  it("allows ordinary calls and thread creation", () => {
    expect(run(f, { nr: 0 })).toBe(ALLOW); // read
    expect(run(f, { nr: 257 })).toBe(ALLOW); // openat
    expect(run(f, { nr: X86_64.clone, arg0: 0x003d0f00 })).toBe(ALLOW); // pthread_create's flags
  });
  it("denies process creation: fork, vfork, clone without CLONE_THREAD; clone3 falls back", () => {
    expect(run(f, { nr: X86_64.fork })).toBe(EPERM);
    expect(run(f, { nr: X86_64.vfork })).toBe(EPERM);
    expect(run(f, { nr: X86_64.clone, arg0: 17 /* SIGCHLD: fork() */ })).toBe(EPERM);
    expect(run(f, { nr: X86_64.clone3 })).toBe(ENOSYS);
  });
  it("denies every listed call, x32 numbers and foreign architectures", () => {
    for (const nr of Object.values(DENIED_SYSCALLS)) expect(run(f, { nr })).toBe(EPERM);
    expect(run(f, { nr: 0x40000000 + 2 })).toBe(EPERM);
    expect(run(f, { nr: 0, arch: 0x40000003 /* i386 */ })).toBe(0x80000000);
  });
});
