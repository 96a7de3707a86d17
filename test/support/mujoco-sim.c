/*
 * Loads an MJCF scene with MuJoCo and simulates it: T s at rest (every position actuator holding 0), then every
 * actuator driven to the upper end of its control range for T s, then to the lower end for T s. Prints one JSON
 * line: NaN/instability warnings, how far each free body moved at rest (m), and each actuated joint's position
 * (rad or m) at the end of the upper and lower phases with its range. Built by server/sim/sim.int.test.ts.
 * Usage: mujoco-sim scene.xml [T]
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <mujoco/mujoco.h>

static int bad(const mjModel* m, const mjData* d) {
  for (int i = 0; i < m->nq; i++) if (!isfinite(d->qpos[i])) return 1;
  for (int i = 0; i < m->nv; i++) if (!isfinite(d->qvel[i])) return 1;
  return 0;
}

static int run(const mjModel* m, mjData* d, int steps) {
  for (int s = 0; s < steps; s++) {
    mj_step(m, d);
    if ((s & 31) == 0 && bad(m, d)) return 1;
  }
  return bad(m, d);
}

int main(int argc, char** argv) {
  char error[1000] = "";
  if (argc < 2) return 2;
  mjModel* m = mj_loadXML(argv[1], NULL, error, sizeof error);
  if (!m) {
    for (char* c = error; *c; c++) if (*c == '"' || *c == '\\' || *c == '\n') *c = ' ';
    printf("{\"loaded\":false,\"error\":\"%s\"}\n", error);
    return 1;
  }
  double T = argc > 2 ? atof(argv[2]) : 2.0;
  int steps = (int)(T / m->opt.timestep);
  mjData* d = mj_makeData(m);
  mj_forward(m, d);
  double* start = malloc(sizeof(double) * 3 * (m->njnt + 1));
  for (int j = 0; j < m->njnt; j++) {
    if (m->jnt_type[j] == mjJNT_FREE) memcpy(start + 3 * j, d->qpos + m->jnt_qposadr[j], sizeof(double) * 3);
  }
  int nan = run(m, d, steps);
  printf("{\"loaded\":true,\"nbody\":%d,\"njnt\":%d,\"nu\":%d,\"ngeom\":%d,\"free\":[", m->nbody, m->njnt, m->nu, m->ngeom);
  int first = 1;
  for (int j = 0; j < m->njnt; j++) {
    if (m->jnt_type[j] != mjJNT_FREE) continue;
    const double* q = d->qpos + m->jnt_qposadr[j];
    double dx = q[0] - start[3 * j], dy = q[1] - start[3 * j + 1], dz = q[2] - start[3 * j + 2];
    printf("%s{\"name\":\"%s\",\"moved\":%.6f}", first ? "" : ",", mj_id2name(m, mjOBJ_JOINT, j), sqrt(dx * dx + dy * dy + dz * dz));
    first = 0;
  }
  double* hi = malloc(sizeof(double) * (m->nu + 1));
  for (int u = 0; u < m->nu; u++) d->ctrl[u] = m->actuator_ctrlrange[2 * u + 1];
  nan |= run(m, d, steps);
  for (int u = 0; u < m->nu; u++) hi[u] = d->qpos[m->jnt_qposadr[m->actuator_trnid[2 * u]]];
  for (int u = 0; u < m->nu; u++) d->ctrl[u] = m->actuator_ctrlrange[2 * u];
  nan |= run(m, d, steps);
  printf("],\"joints\":[");
  for (int u = 0; u < m->nu; u++) {
    int j = m->actuator_trnid[2 * u];
    printf("%s{\"name\":\"%s\",\"type\":%d,\"lo\":%.6f,\"hi\":%.6f,\"atHi\":%.6f,\"atLo\":%.6f}", u ? "," : "",
           mj_id2name(m, mjOBJ_JOINT, j), m->jnt_type[j], m->jnt_range[2 * j], m->jnt_range[2 * j + 1], hi[u],
           d->qpos[m->jnt_qposadr[j]]);
  }
  printf("],\"nan\":%s,\"badqacc\":%d}\n", nan ? "true" : "false", d->warning[mjWARN_BADQACC].number);
  mj_deleteData(d);
  mj_deleteModel(m);
  free(start);
  free(hi);
  return 0;
}
