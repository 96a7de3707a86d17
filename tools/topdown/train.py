"""Train the top-down network on composed rooms and export it to ONNX.

    nice -n 19 /usr/bin/python3 tools/topdown/train.py --data data/topdown/rooms \
        --out models/topdown-v1.onnx --minutes 40 --seed 15

CPU only (Debian's python3-torch). Samples are 160 x 160 crops of the stored 384 px images after random
rescaling (0.7-1.3), flips and quarter turns (yaws follow), colour jitter and grey conversion. Dense targets
at stride 4: the structure class (classes.STRUCT), the visible object's class ("none" + classes.DET), the
object core (distance to the instance edge >= 40% of the instance's largest distance) and the yaw of the
covering object. Loss: cross-entropy on structure, class and yaw (object cells only), binary cross-entropy on
the core. Training stops after --minutes of wall time (or --steps); the weights are saved (.pt) and exported to
ONNX (opset 13, dynamic height and width).
"""
import argparse
import glob
import json
import math
import os
import random
import time

import cv2
import numpy as np
import torch
import torch.nn.functional as F

from classes import DET_NAMES, STRUCT
from model import TopdownNet

CROP = 160  # a multiple of 32 (the network downsamples 5 times)
STRIDE = 4
CORE = 0.4


def load(folder, limit):
    """[(BGR image, labels H x W x 2 (structure, instance), {instance: (class, yaw)})] for up to `limit` samples."""
    out = []
    for path in sorted(glob.glob(os.path.join(folder, "*.json")))[:limit]:
        base = path[:-5]
        img = cv2.imread(base + ".jpg")
        st = cv2.imread(base + "-struct.png", cv2.IMREAD_GRAYSCALE)
        inst = cv2.imread(base + "-inst.png", cv2.IMREAD_GRAYSCALE)
        if img is None or st is None or inst is None:
            continue
        ann = json.load(open(path))
        objs = {o["k"]: (o["cls"], o["yaw"]) for o in ann["objects"]}
        out.append((img, np.dstack([st, inst]), objs))
    return out


def augment(rng, img, lab, objs):
    """Random rescale, flips, quarter turns, photometric jitter; returns (img, lab, objs)."""
    s = rng.uniform(0.7, 1.3)
    h, w = lab.shape[:2]
    nw, nh = max(8, int(w * s)), max(8, int(h * s))
    img = cv2.resize(img, (nw, nh), interpolation=cv2.INTER_AREA if s < 1 else cv2.INTER_LINEAR)
    lab = cv2.resize(lab, (nw, nh), interpolation=cv2.INTER_NEAREST)
    if rng.random() < 0.5:  # mirror left-right: yaw -> -yaw
        img, lab = img[:, ::-1], lab[:, ::-1]
        objs = {k: (c, (360 - y) % 360) for k, (c, y) in objs.items()}
    if rng.random() < 0.5:  # mirror top-bottom: yaw -> 180 - yaw
        img, lab = img[::-1], lab[::-1]
        objs = {k: (c, (180 - y) % 360) for k, (c, y) in objs.items()}
    for _ in range(rng.randint(0, 3)):  # quarter turn counter-clockwise: yaw + 90
        img, lab = np.rot90(img), np.rot90(lab)
        objs = {k: (c, (y + 90) % 360) for k, (c, y) in objs.items()}
    img = np.ascontiguousarray(img).astype(np.float32)
    lab = np.ascontiguousarray(lab)
    if rng.random() < 0.2:
        g = cv2.cvtColor(img.astype(np.uint8), cv2.COLOR_BGR2GRAY).astype(np.float32)
        img = np.repeat(g[..., None], 3, axis=2)
    img = img * rng.uniform(0.75, 1.25) + rng.uniform(-25, 25)
    img = img * np.array([rng.uniform(0.9, 1.1) for _ in range(3)], np.float32)
    return img.clip(0, 255), lab, objs


def crop(rng, img, lab):
    """A CROP x CROP window, padded with a random grey (labels: outside, no instance)."""
    h, w = lab.shape[:2]
    H, W = max(h, CROP), max(w, CROP)
    big = np.full((H, W, 3), rng.uniform(0, 255), np.float32)
    blab = np.zeros((H, W, 2), np.uint8)
    oy, ox = rng.randint(0, H - h), rng.randint(0, W - w)
    big[oy:oy + h, ox:ox + w] = img
    blab[oy:oy + h, ox:ox + w] = lab
    y0, x0 = rng.randint(0, H - CROP), rng.randint(0, W - CROP)
    return big[y0:y0 + CROP, x0:x0 + CROP], blab[y0:y0 + CROP, x0:x0 + CROP]


def targets(lab, objs):
    """Structure, object class, core and yaw targets at stride 4 (yaw -100 = ignored)."""
    st, inst = lab[..., 0], lab[..., 1]
    core = np.zeros(inst.shape, np.float32)
    cls = np.zeros(inst.shape, np.int64)
    yaw = np.full(inst.shape, -100, np.int64)
    for k in np.unique(inst):
        if k == 0 or k not in objs:
            continue
        m = (inst == k).astype(np.uint8)
        d = cv2.distanceTransform(m, cv2.DIST_L2, 3)
        core[d >= max(0.5, CORE * d.max())] = 1.0
        c, y = objs[k]
        cls[m > 0] = c + 1
        yaw[m > 0] = int(round(y / 90)) % 4
    o = STRIDE // 2
    return st[o::STRIDE, o::STRIDE].astype(np.int64), cls[o::STRIDE, o::STRIDE], core[o::STRIDE, o::STRIDE], yaw[o::STRIDE, o::STRIDE]


def main():
    """Train, save and export."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--minutes", type=float, default=40)
    ap.add_argument("--steps", type=int, default=10 ** 9)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--limit", type=int, default=100000)
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--resume", default="")
    ap.add_argument("--export-only", action="store_true", help="export --resume weights to --out and stop")
    args = ap.parse_args()
    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    torch.set_num_threads(args.threads)
    net = TopdownNet(len(DET_NAMES), len(STRUCT))
    if args.resume:
        net.load_state_dict(torch.load(args.resume))
    if args.export_only:
        export(net, args.out)
        return
    data = load(args.data, args.limit)
    print("train: %d samples" % len(data), flush=True)
    opt = torch.optim.AdamW(net.parameters(), lr=2e-3, weight_decay=1e-4)
    # Class weights: "no object" cells are the majority.
    w_cls = torch.ones(len(DET_NAMES) + 1)
    w_cls[0] = 0.3
    t0 = time.time()
    budget = args.minutes * 60
    step = 0
    while step < args.steps and time.time() - t0 < budget:
        frac = (time.time() - t0) / budget
        for gp in opt.param_groups:
            gp["lr"] = 2e-3 * (0.5 * (1 + math.cos(math.pi * min(1.0, frac)))) + 5e-5
        xs, sts, clss, cores, yaws = [], [], [], [], []
        for _ in range(args.batch):
            img, lab, objs = data[rng.randrange(len(data))]
            img, lab, objs = augment(rng, img, lab, objs)
            img, lab = crop(rng, img, lab)
            st, cls, core, yaw = targets(lab, objs)
            xs.append(img[..., ::-1].transpose(2, 0, 1) / 255.0)
            sts.append(st), clss.append(cls), cores.append(core), yaws.append(yaw)
        x = torch.from_numpy(np.stack(xs).astype(np.float32))
        st, cls, core, yaw = (torch.from_numpy(np.stack(v)) for v in (sts, clss, cores, yaws))
        p_seg, p_obj, p_core, p_yaw = net(x)
        l_seg = F.cross_entropy(p_seg, st)
        l_obj = F.cross_entropy(p_obj, cls, weight=w_cls)
        l_core = F.binary_cross_entropy(p_core[:, 0].clamp(1e-4, 1 - 1e-4), core)
        l_yaw = F.cross_entropy(p_yaw, yaw, ignore_index=-100) if (yaw >= 0).any() else p_yaw.sum() * 0
        loss = l_seg + l_obj + 2.0 * l_core + 0.3 * l_yaw
        opt.zero_grad()
        loss.backward()
        opt.step()
        step += 1
        if step % 25 == 0:
            parts = {"loss": loss, "seg": l_seg, "obj": l_obj, "core": l_core, "yaw": l_yaw}
            rec = {"step": step, "min": round((time.time() - t0) / 60, 1)}
            rec.update({k: round(v.item(), 3) for k, v in parts.items()})
            print("train:", json.dumps(rec), flush=True)
        if step % 100 == 0:
            torch.save(net.state_dict(), args.out.replace(".onnx", ".pt"))
    torch.save(net.state_dict(), args.out.replace(".onnx", ".pt"))
    export(net, args.out)
    print("train: %d steps in %.1f min, exported %s" % (step, (time.time() - t0) / 60, args.out), flush=True)


def export(net, out):
    """Export to ONNX with dynamic height and width (multiples of 32)."""
    net.eval()
    dummy = torch.zeros(1, 3, 384, 384)
    axes = {"image": {2: "h", 3: "w"}}
    axes.update({name: {2: "h4", 3: "w4"} for name in ("seg", "obj", "core", "yaw")})
    torch.onnx.export(net, dummy, out, opset_version=13, input_names=["image"],
                      output_names=["seg", "obj", "core", "yaw"], dynamic_axes=axes)


if __name__ == "__main__":
    main()
