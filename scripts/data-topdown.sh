#!/usr/bin/env bash
# `npm run data:topdown`: regenerate the synthetic top-down training data (not part of CI; see models/README.md).
#   1. Blender renders sprites of every library family (tools/topdown/render_sprites.py), in chunks;
#   2. tools/topdown/compose.py composes labelled rooms in six styles: training samples 0..TRAIN-1,
#      held-out samples 100000..100000+HELDOUT-1 (never trained on, reported by eval:image) and validation
#      samples 200000..200000+VAL-1 (never trained on, used to set decoding thresholds and the merge).
# Every step skips what is already on disk, so an interrupted run restarts where it stopped.
# Env: TOPDOWN_DIR (default data/topdown), TOPDOWN_TRAIN (7200), TOPDOWN_HELDOUT (600), TOPDOWN_VAL (300),
# TOPDOWN_VARIANTS (5),
# TOPDOWN_CHUNKS (4), BLENDER_PATH (default blender on PATH). Heavy steps run under `nice -n 19`.
set -euo pipefail
cd "$(dirname "$0")/.."
DIR="${TOPDOWN_DIR:-data/topdown}"
TRAIN="${TOPDOWN_TRAIN:-7200}"
HELDOUT="${TOPDOWN_HELDOUT:-600}"
VAL="${TOPDOWN_VAL:-300}"
VARIANTS="${TOPDOWN_VARIANTS:-5}"
CHUNKS="${TOPDOWN_CHUNKS:-4}"
BLENDER="${BLENDER_PATH:-blender}"
PY=/usr/bin/python3
"$PY" -c "import cv2, numpy" 2>/dev/null || { echo "data:topdown: needs Debian's python3-opencv and python3-numpy (apt-get install -y python3-opencv)" >&2; exit 1; }
mkdir -p "$DIR/sprites" "$DIR/rooms" "$DIR/heldout" "$DIR/val"
start=$(date +%s)
for ((c = 0; c < CHUNKS; c++)); do
  echo "data:topdown: sprites chunk $((c + 1))/$CHUNKS"
  nice -n 19 "$BLENDER" -b --factory-startup -noaudio --python tools/topdown/render_sprites.py -- \
    --out "$DIR/sprites" --variants "$VARIANTS" --chunk "$c" --chunks "$CHUNKS" >"$DIR/sprites.log" 2>&1 \
    || { echo "data:topdown: Blender failed, see $DIR/sprites.log" >&2; exit 1; }
done
step=1200
for ((s = 0; s < TRAIN; s += step)); do
  n=$((TRAIN - s < step ? TRAIN - s : step))
  echo "data:topdown: training rooms $s..$((s + n - 1))"
  (cd tools/topdown && nice -n 19 "$PY" compose.py --sprites "../../$DIR/sprites" --out "../../$DIR/rooms" --start "$s" --count "$n")
done
echo "data:topdown: held-out rooms 100000..$((100000 + HELDOUT - 1))"
(cd tools/topdown && nice -n 19 "$PY" compose.py --sprites "../../$DIR/sprites" --out "../../$DIR/heldout" --start 100000 --count "$HELDOUT")
echo "data:topdown: validation rooms 200000..$((200000 + VAL - 1))"
(cd tools/topdown && nice -n 19 "$PY" compose.py --sprites "../../$DIR/sprites" --out "../../$DIR/val" --start 200000 --count "$VAL")
echo "data:topdown: done in $(($(date +%s) - start)) s ($DIR)"
