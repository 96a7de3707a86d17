import { createRunner } from "./client";
async function main() {
  const r = createRunner({ workers: 1, allowUnrestricted: true });
  await r.ready!();
  for (const [src, u] of [["import os\nn=0\nwhile True:\n    os.fork()\n    n+=1\n", true], ["blob = bytearray(16 * 1024 ** 3)\n", false], ["chunks = []\nwhile True:\n    chunks.append(bytearray(64 * 1024 * 1024))\n", false], ["import os\nprint(os.getuid(), os.getpid(), open('/proc/self/status').read().split('VmPeak')[1][:20])\nprint(os.listdir('/root'), os.listdir('/tmp'))\nimport resource\nprint(resource.getrlimit(resource.RLIMIT_NPROC), resource.getrlimit(resource.RLIMIT_AS))", true]] as const) {
    const t = Date.now();
    const res = await r.buildObject({ objectId: "x-1", source: src, outGlb: "/tmp/x.glb", unrestricted: u });
    console.log(Date.now() - t, JSON.stringify(res).slice(0, 700));
  }
  console.log(r.health(), r.workerRss!());
  await r.close();
}
main();
