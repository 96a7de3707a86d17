"""The CenterNet variant of the top-down network (trained by train_centernet.py): a small convolutional encoder
with an FPN-style decoder to stride 4, a dense structure head and a CenterNet detection head (Zhou, Wang and
Kraehenbuehl 2019, "Objects as Points", arXiv:1904.07850): objects are the peaks of per-class centre heatmaps,
with the box size, the sub-cell centre offset and the yaw read at the peak.

Outputs at stride 4 of the input (N x C x H/4 x W/4), in training (``forward``) as logits / raw values:
- ``seg``: logits over classes.STRUCT (outside, floor, wall, door, window);
- ``hm``: centre heatmap logits, one channel per classes.DET class (sigmoid = probability of an object centre);
- ``reg``: (offset x, offset y) of the true centre inside the cell in cells, then (log w, log h) of the box
  in cells (one cell = 4 input px);
- ``yaw``: logits over the four yaws 0, 90, 180, 270 deg of the object centred in the cell.
``Exported`` applies the sigmoid to ``hm`` for the ONNX file.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F

# Prior probability of a centre at initialisation (CenterNet's heatmap bias -2.19 = logit(0.1)).
HM_PRIOR_BIAS = -2.19


def cbr(cin, cout, stride=1):
    """3x3 convolution, batch norm, ReLU."""
    return nn.Sequential(nn.Conv2d(cin, cout, 3, stride, 1, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True))


class Block(nn.Module):
    """Two 3x3 convolutions with a residual connection; the first may downsample."""

    def __init__(self, cin, cout, stride):
        super().__init__()
        self.a = cbr(cin, cout, stride)
        self.b = nn.Sequential(nn.Conv2d(cout, cout, 3, 1, 1, bias=False), nn.BatchNorm2d(cout))
        self.skip = nn.Sequential(nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))

    def forward(self, x):
        return F.relu(self.b(self.a(x)) + self.skip(x))


def head(cin, cout, bias=0.0):
    """Output head: a 1x1 convolution with output bias `bias` (CenterNet's 3x3 head convolution is the decoder's
    last 3x3 layer here, shared by all heads, which keeps the stride-4 cost small on a CPU)."""
    last = nn.Conv2d(cin, cout, 1)
    nn.init.constant_(last.bias, bias)
    return last


class TopdownNet(nn.Module):
    """Encoder (strides 2-32) + decoder to stride 4 + structure head + CenterNet heads (heatmap, reg, yaw)."""

    def __init__(self, n_det, n_struct, width=(24, 32, 64, 96, 128), dec=64, dec4=48):
        super().__init__()
        c1, c2, c3, c4, c5 = width
        self.stem = cbr(3, c1, 2)
        self.s4 = Block(c1, c2, 2)
        self.s8 = Block(c2, c3, 2)
        self.s16 = Block(c3, c4, 2)
        self.s32 = Block(c4, c5, 2)
        self.l32 = nn.Conv2d(c5, dec, 1)
        self.l16 = nn.Conv2d(c4, dec, 1)
        self.l8 = nn.Conv2d(c3, dec, 1)
        self.l4 = nn.Conv2d(c2, dec4, 1)
        self.m16 = cbr(dec, dec)
        self.m8 = cbr(dec, dec)
        self.r8 = nn.Conv2d(dec, dec4, 1)
        self.m4 = cbr(dec4, dec4)
        self.seg = nn.Conv2d(dec4, n_struct, 1)
        self.hm = head(dec4, n_det, HM_PRIOR_BIAS)
        self.reg = head(dec4, 4)
        self.yaw = head(dec4, 4)

    def forward(self, x):
        """x: N x 3 x H x W RGB in [0, 1], H and W multiples of 32; returns (seg, hm logits, reg, yaw) at stride 4."""
        x = (x - 0.5) / 0.25
        f2 = self.stem(x)
        f4 = self.s4(f2)
        f8 = self.s8(f4)
        f16 = self.s16(f8)
        f32 = self.s32(f16)
        p = self.l32(f32)
        p = self.m16(F.interpolate(p, scale_factor=2.0, mode="nearest") + self.l16(f16))
        p = self.m8(F.interpolate(p, scale_factor=2.0, mode="nearest") + self.l8(f8))
        p = self.m4(F.interpolate(self.r8(p), scale_factor=2.0, mode="nearest") + self.l4(f4))
        return self.seg(p), self.hm(p), self.reg(p), self.yaw(p)


class Exported(nn.Module):
    """The network as shipped in ONNX: (seg logits, hm probabilities, reg, yaw logits)."""

    def __init__(self, net):
        super().__init__()
        self.net = net

    def forward(self, x):
        seg, hm, reg, yaw = self.net(x)
        return seg, torch.sigmoid(hm), reg, yaw
