"""The top-down network: a small convolutional encoder with an FPN-style decoder to stride 4 and dense heads
for semantic + instance segmentation (instances as connected "cores", the inner part of each object's mask,
grown back over the object mask; in the spirit of distance-transform instance segmentation, Bai and Urtasun
2017, "Deep Watershed Transform", arXiv:1611.08303).

Outputs at stride 4 of the input (N x C x H/4 x W/4):
- ``seg``: logits over classes.STRUCT (outside, floor, wall, door, window);
- ``obj``: logits over "no object" + classes.DET (the visible object's class per cell);
- ``core``: probability that the cell lies in the inner part of an object (distance to its edge >= 40% of the max);
- ``yaw``: logits over the four yaws 0, 90, 180, 270 deg of the object covering the cell.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F


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


class TopdownNet(nn.Module):
    """Encoder (strides 2-32) + decoder to stride 4 + structure, object class, core and yaw heads."""

    def __init__(self, n_det, n_struct, width=(24, 32, 64, 96, 128), dec=48, dec4=32):
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
        self.obj = nn.Conv2d(dec4, n_det + 1, 1)
        self.core = nn.Conv2d(dec4, 1, 1)
        self.yaw = nn.Conv2d(dec4, 4, 1)

    def forward(self, x):
        """x: N x 3 x H x W in [0, 1], H and W multiples of 32; returns (seg, obj, core, yaw) at stride 4."""
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
        return self.seg(p), self.obj(p), torch.sigmoid(self.core(p)), self.yaw(p)
