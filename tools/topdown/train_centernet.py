"""Train the CenterNet variant of the top-down network (centernet_model.py) on composed rooms and export it to
ONNX (outputs seg, hm, reg, yaw; not the format server/images/model/topdown-model.ts reads for topdown-v1, see
models/README.md).

    cd tools/topdown && nice -n 5 /usr/bin/python3 train_centernet.py --data ../../data/topdown/rooms \
        --out ../../data/topdown/centernet.onnx --minutes 48 --batch 16 --lr 3e-3 --seed 15
    /usr/bin/python3 train_centernet.py --check ../../data/topdown/val --resume ../../data/topdown/centernet.pt --out x.onnx

CPU only (Debian's python3-torch), torch.set_num_threads(--threads, 2). All samples are decoded once into
memory (image, structure map, boxes, classes, yaws); a training sample is a --crop (128) px square window cut
with one affine warp from a sample rescaled by a random factor in --scale-min..--scale-max (0.5-0.85 of the
stored 384 px; the server resizes images to 256 px, 0.67 of it), then flips and quarter turns (boxes and yaws follow),
colour jitter and 20% grey. Targets at stride 4 follow CenterNet (Zhou et al. 2019, "Objects as Points",
arXiv:1904.07850): per class a Gaussian bump at each box centre (radius from the box size, the `gaussian_radius`
of the CenterNet code with min_overlap 0.7, sigma = diameter / 6), the centre's sub-cell offset and the box's
log width/height in cells, and the yaw bin (0/90/180/270 deg) at the centre cell; plus the structure class per
cell. Loss: CenterNet's penalty-reduced focal loss on the heatmap (alpha 2, beta 4, normalised by the number of
objects) + L1 on offset and log size + 0.5 CE(yaw) at the centres + CE(structure). Training stops after
--minutes of wall time (or --steps); the weights are saved (.pt) and exported to ONNX (opset 13, dynamic height
and width). `--check FOLDER` decodes FOLDER's samples with the --resume weights (3x3 max-pool peaks) and prints
recall/precision at box IoU 0.5 for a few score thresholds.
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

from classes import DET_NAMES, STRUCT, STYLES
from centernet_model import Exported, TopdownNet

CROP = 128  # crop side (px), a multiple of 32 (the network downsamples 5 times); --crop
STRIDE = 4
G = CROP // STRIDE
SCALE = (0.5, 0.85)  # random rescale of the stored 384 px samples; --scale-min/--scale-max


def load(folder, limit):
    """[(BGR uint8 image, structure map uint8, boxes float32 n x 4 (x0, y0, x1, y1 px), classes int n, yaws deg n, style)]."""
    out = []
    for path in sorted(glob.glob(os.path.join(folder, "*.json")))[:limit]:
        base = path[:-5]
        img = cv2.imread(base + ".jpg")
        st = cv2.imread(base + "-struct.png", cv2.IMREAD_GRAYSCALE)
        if img is None or st is None:
            continue
        ann = json.load(open(path))
        objs = ann["objects"]
        boxes = np.array([o["box"] for o in objs], np.float32).reshape(-1, 4)
        cls = np.array([o["cls"] for o in objs], np.int64)
        yaw = np.array([o["yaw"] for o in objs], np.float32)
        out.append((img, st, boxes, cls, yaw, ann["style"]))
    return out


def gaussian_radius(h, w, min_overlap=0.7):
    """CenterNet's radius (cells) within which a shifted box of size h x w still has IoU >= min_overlap
    (CornerNet/CenterNet reference code, three quadratic cases, smallest root)."""
    a1, b1, c1 = 1, h + w, w * h * (1 - min_overlap) / (1 + min_overlap)
    r1 = (b1 + math.sqrt(b1 ** 2 - 4 * a1 * c1)) / 2
    a2, b2, c2 = 4, 2 * (h + w), (1 - min_overlap) * w * h
    r2 = (b2 + math.sqrt(b2 ** 2 - 4 * a2 * c2)) / 2
    a3, b3, c3 = 4 * min_overlap, -2 * min_overlap * (h + w), (min_overlap - 1) * w * h
    r3 = (b3 + math.sqrt(b3 ** 2 - 4 * a3 * c3)) / 2
    return min(r1, r2, r3)


def draw_gaussian(hm, cx, cy, radius):
    """Max-splat a Gaussian (sigma = (2 radius + 1) / 6) centred on integer cell (cx, cy) into hm (H x W)."""
    r = max(0, int(radius))
    sigma = (2 * r + 1) / 6.0
    ys, xs = np.ogrid[-r:r + 1, -r:r + 1]
    g = np.exp(-(xs * xs + ys * ys) / (2 * sigma * sigma))
    H, W = hm.shape
    x0, x1 = max(0, cx - r), min(W, cx + r + 1)
    y0, y1 = max(0, cy - r), min(H, cy + r + 1)
    if x0 >= x1 or y0 >= y1:
        return
    np.maximum(hm[y0:y1, x0:x1], g[y0 - cy + r:y1 - cy + r, x0 - cx + r:x1 - cx + r], out=hm[y0:y1, x0:x1])


def sample(rng, item):
    """One augmented training crop: (RGB float32 3 x CROP x CROP in [0, 1], structure G x G, boxes, classes, yaws)."""
    img, st, boxes, cls, yaw, _ = item
    h, w = st.shape
    s = rng.uniform(*SCALE)
    win = CROP / s
    # Window origin in sample px: anywhere that keeps at least part of the image, centred when it is larger.
    ox = rng.uniform(min(0, w - win), max(0, w - win))
    oy = rng.uniform(min(0, h - win), max(0, h - win))
    M = np.array([[s, 0, -s * ox], [0, s, -s * oy]], np.float32)
    grey = rng.uniform(0, 255)
    im = cv2.warpAffine(img, M, (CROP, CROP), flags=cv2.INTER_AREA if s < 1 else cv2.INTER_LINEAR,
                        borderMode=cv2.BORDER_CONSTANT, borderValue=(grey, grey, grey))
    # Structure at the cell centres: cell (u, v) samples crop px (4u + 1.5, 4v + 1.5), i.e. this inverse map.
    A = np.array([[STRIDE / s, 0, ox + 1.5 / s], [0, STRIDE / s, oy + 1.5 / s]], np.float32)
    stc = cv2.warpAffine(st, A, (G, G), flags=cv2.INTER_NEAREST | cv2.WARP_INVERSE_MAP, borderMode=cv2.BORDER_CONSTANT, borderValue=0)
    b = boxes.copy()
    if len(b):
        b[:, [0, 2]] = (b[:, [0, 2]] - ox) * s
        b[:, [1, 3]] = (b[:, [1, 3]] - oy) * s
    y = yaw.copy()
    if rng.random() < 0.5:  # mirror left-right: yaw -> -yaw
        im, stc = im[:, ::-1], stc[:, ::-1]
        b[:, [0, 2]] = CROP - b[:, [2, 0]]
        y = (360 - y) % 360
    if rng.random() < 0.5:  # mirror top-bottom: yaw -> 180 - yaw
        im, stc = im[::-1], stc[::-1]
        b[:, [1, 3]] = CROP - b[:, [3, 1]]
        y = (180 - y) % 360
    for _ in range(rng.randint(0, 3)):  # quarter turn counter-clockwise: (x, y) -> (y, CROP - x), yaw + 90
        im, stc = np.rot90(im), np.rot90(stc)
        b = np.stack([b[:, 1], CROP - b[:, 2], b[:, 3], CROP - b[:, 0]], axis=1) if len(b) else b
        y = (y + 90) % 360
    im = np.ascontiguousarray(im).astype(np.float32)
    if rng.random() < 0.2:
        g = cv2.cvtColor(im.astype(np.uint8), cv2.COLOR_BGR2GRAY).astype(np.float32)
        im = np.repeat(g[..., None], 3, axis=2)
    im = im * rng.uniform(0.75, 1.25) + rng.uniform(-25, 25)
    im = im * np.array([rng.uniform(0.9, 1.1) for _ in range(3)], np.float32)
    x = (im.clip(0, 255)[..., ::-1].transpose(2, 0, 1) / 255.0).astype(np.float32)
    return np.ascontiguousarray(x), np.ascontiguousarray(stc).astype(np.int64), b, cls, y


def targets(boxes, cls, yaw, n_det):
    """CenterNet targets on the G x G grid: heatmap n_det x G x G, reg 4 x G x G, reg mask G x G, yaw bin G x G (-100 = none)."""
    hm = np.zeros((n_det, G, G), np.float32)
    reg = np.zeros((4, G, G), np.float32)
    mask = np.zeros((G, G), np.float32)
    ybin = np.full((G, G), -100, np.int64)
    order = np.argsort(-(boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1])) if len(boxes) else []
    for i in order:  # larger boxes first, so a small object's centre keeps its own size
        x0, y0, x1, y1 = np.clip(boxes[i], 0, CROP)
        bw, bh = (x1 - x0) / STRIDE, (y1 - y0) / STRIDE
        if bw * STRIDE < 2 or bh * STRIDE < 2:
            continue
        cx, cy = (x0 + x1) / 2 / STRIDE, (y0 + y1) / 2 / STRIDE
        ix, iy = min(G - 1, int(cx)), min(G - 1, int(cy))
        draw_gaussian(hm[cls[i]], ix, iy, max(0.0, gaussian_radius(bh, bw)))
        reg[:, iy, ix] = (cx - ix, cy - iy, math.log(max(bw, 0.25)), math.log(max(bh, 0.25)))
        mask[iy, ix] = 1
        ybin[iy, ix] = int(round(yaw[i] / 90)) % 4
    return hm, reg, mask, ybin


def focal_loss(logits, gt):
    """CenterNet's penalty-reduced pixel-wise focal loss (alpha 2, beta 4), normalised by the number of centres."""
    p = torch.sigmoid(logits).clamp(1e-4, 1 - 1e-4)
    pos = gt.eq(1).float()
    neg = 1 - pos
    pos_loss = torch.log(p) * (1 - p) ** 2 * pos
    neg_loss = torch.log(1 - p) * p ** 2 * (1 - gt) ** 4 * neg
    n = pos.sum()
    return -(pos_loss.sum() + neg_loss.sum()) / n.clamp(min=1)


def batch(rng, data, n, n_det):
    """A training batch as tensors (x, structure, heatmap, reg, mask, yaw)."""
    cols = [[] for _ in range(6)]
    for _ in range(n):
        x, st, b, c, y = sample(rng, data[rng.randrange(len(data))])
        hm, reg, mask, ybin = targets(b, c, y, n_det)
        for col, v in zip(cols, (x, st, hm, reg, mask, ybin)):
            col.append(v)
    return [torch.from_numpy(np.stack(c)) for c in cols]


def decode(hm, reg, k=100, thresh=0.1):
    """CenterNet decoding of one image: peaks of hm (C x H x W probabilities) that are 3x3 maxima; returns
    [(score, class, (x0, y0, x1, y1) input px)] best first."""
    peak = F.max_pool2d(hm[None], 3, 1, 1)[0]
    keep = (peak == hm) & (hm >= thresh)
    cs, ys, xs = torch.nonzero(keep, as_tuple=True)
    out = []
    for c, y, x in zip(cs.tolist(), ys.tolist(), xs.tolist()):
        ox, oy, lw, lh = reg[:, y, x].tolist()
        cx, cy, bw, bh = (x + ox) * STRIDE, (y + oy) * STRIDE, math.exp(lw) * STRIDE, math.exp(lh) * STRIDE
        out.append((hm[c, y, x].item(), c, (cx - bw / 2, cy - bh / 2, cx + bw / 2, cy + bh / 2)))
    out.sort(key=lambda d: -d[0])
    return out[:k]


def iou(a, b):
    """Box IoU of two (x0, y0, x1, y1) boxes."""
    ix = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    iy = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    u = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - ix * iy
    return ix * iy / u if u > 0 else 0.0


def check(net, folder, limit, scale):
    """Print per-style recall/precision (box IoU >= 0.5, same class, greedy by score) at a few thresholds, on
    FOLDER's samples resized by `scale` (boxes compared in the stored sample's px)."""
    net.eval()
    data = load(folder, limit)
    ths = (0.1, 0.2, 0.3, 0.4, 0.5)
    tally = {(s, t): [0, 0, 0] for s in STYLES + ["all"] for t in ths}
    with torch.no_grad():
        for img, _, boxes, cls, _, style in data:
            img = cv2.resize(img, (round(img.shape[1] * scale), round(img.shape[0] * scale)), interpolation=cv2.INTER_AREA)
            boxes = boxes * scale
            h, w = img.shape[:2]
            H, W = -(-h // 32) * 32, -(-w // 32) * 32
            x = np.full((H, W, 3), 127.5, np.float32)
            x[:h, :w] = img[..., ::-1]
            t = torch.from_numpy((x / 255.0).transpose(2, 0, 1).copy())[None]
            _, hm, reg, _ = net(t)
            dets = decode(torch.sigmoid(hm[0]), reg[0], thresh=min(ths))
            for th in ths:
                used = set()
                tp = 0
                kept = [d for d in dets if d[0] >= th]
                for sc, c, bx in kept:
                    best, bj = 0.5, -1
                    for j in range(len(boxes)):
                        if j in used or cls[j] != c:
                            continue
                        v = iou(bx, boxes[j])
                        if v >= best:
                            best, bj = v, j
                    if bj >= 0:
                        used.add(bj)
                        tp += 1
                for key in ((style, th), ("all", th)):
                    tally[key][0] += tp
                    tally[key][1] += len(boxes)
                    tally[key][2] += len(kept)
    for (s, th), (tp, nt, npred) in tally.items():
        if nt:
            print("check: %-7s th %.1f recall %.3f precision %.3f (truth %d, pred %d)" % (s, th, tp / nt, tp / max(1, npred), nt, npred), flush=True)


def main():
    """Train, save and export (or --check / --export-only)."""
    global CROP, G, SCALE
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="")
    ap.add_argument("--out", required=True)
    ap.add_argument("--minutes", type=float, default=50)
    ap.add_argument("--steps", type=int, default=10 ** 9)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--limit", type=int, default=100000)
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--crop", type=int, default=CROP)
    ap.add_argument("--scale-min", type=float, default=SCALE[0])
    ap.add_argument("--scale-max", type=float, default=SCALE[1])
    ap.add_argument("--check-scale", type=float, default=256 / 384, help="--check resizes samples by this (the server's 256 / 384)")
    ap.add_argument("--resume", default="")
    ap.add_argument("--check", default="", help="decode FOLDER with the --resume weights and print recall/precision")
    ap.add_argument("--check-limit", type=int, default=120)
    ap.add_argument("--export-only", action="store_true", help="export --resume weights to --out and stop")
    args = ap.parse_args()
    CROP, G, SCALE = args.crop, args.crop // STRIDE, (args.scale_min, args.scale_max)
    torch.manual_seed(args.seed)
    np.random.seed(args.seed)
    rng = random.Random(args.seed)
    torch.set_num_threads(args.threads)
    n_det = len(DET_NAMES)
    net = TopdownNet(n_det, len(STRUCT))
    if args.resume:
        net.load_state_dict(torch.load(args.resume))
    if args.check:
        check(net, args.check, args.check_limit, args.check_scale)
        return
    if args.export_only:
        export(net, args.out)
        return
    t_load = time.time()
    data = load(args.data, args.limit)
    print("train: %d samples loaded in %.0f s, %d parameters" % (len(data), time.time() - t_load, sum(p.numel() for p in net.parameters())), flush=True)
    opt = torch.optim.AdamW(net.parameters(), lr=args.lr, weight_decay=1e-4)
    t0 = time.time()
    budget = args.minutes * 60
    step = 0
    t_data = t_net = 0.0
    net.train()
    while step < args.steps and time.time() - t0 < budget:
        frac = (time.time() - t0) / budget
        warm = min(1.0, (step + 1) / 100)
        for gp in opt.param_groups:
            gp["lr"] = warm * (args.lr * (0.5 * (1 + math.cos(math.pi * min(1.0, frac)))) + 2e-5)
        ta = time.time()
        x, st, hm, reg, mask, ybin = batch(rng, data, args.batch, n_det)
        tb = time.time()
        p_seg, p_hm, p_reg, p_yaw = net(x)
        l_seg = F.cross_entropy(p_seg, st)
        l_hm = focal_loss(p_hm, hm)
        n = mask.sum().clamp(min=1)
        m = mask[:, None]
        l_off = (torch.abs(p_reg[:, :2] - reg[:, :2]) * m).sum() / n
        l_size = (torch.abs(p_reg[:, 2:] - reg[:, 2:]) * m).sum() / n
        l_yaw = F.cross_entropy(p_yaw, ybin, ignore_index=-100) if (ybin >= 0).any() else p_yaw.sum() * 0
        loss = l_hm + l_off + l_size + 0.5 * l_yaw + l_seg
        opt.zero_grad()
        loss.backward()
        opt.step()
        step += 1
        t_data += tb - ta
        t_net += time.time() - tb
        if step % 25 == 0:
            parts = {"loss": loss, "hm": l_hm, "off": l_off, "size": l_size, "yaw": l_yaw, "seg": l_seg}
            rec = {"step": step, "min": round((time.time() - t0) / 60, 1), "data_s": round(t_data / step, 3), "net_s": round(t_net / step, 3)}
            rec.update({k: round(v.item(), 3) for k, v in parts.items()})
            print("train:", json.dumps(rec), flush=True)
        if step % 200 == 0:
            torch.save(net.state_dict(), args.out.replace(".onnx", ".pt"))
    torch.save(net.state_dict(), args.out.replace(".onnx", ".pt"))
    export(net, args.out)
    print("train: %d steps in %.1f min, exported %s" % (step, (time.time() - t0) / 60, args.out), flush=True)


def export(net, out):
    """Export to ONNX (outputs seg, hm, reg, yaw; dynamic height and width, multiples of 32)."""
    net.eval()
    dummy = torch.zeros(1, 3, 384, 384)
    axes = {"image": {2: "h", 3: "w"}}
    axes.update({name: {2: "h4", 3: "w4"} for name in ("seg", "hm", "reg", "yaw")})
    torch.onnx.export(Exported(net), dummy, out, opset_version=13, input_names=["image"],
                      output_names=["seg", "hm", "reg", "yaw"], dynamic_axes=axes)


if __name__ == "__main__":
    main()
