/** Network helpers for tests and benchmarks that start servers of their own (Redis, Postgres, web servers). */
import net from "node:net";

/** A free TCP port on 127.0.0.1 (bound once and released, so a server started right after can take it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}
