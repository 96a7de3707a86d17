import fs from "node:fs";
import { structureFromImage } from "/work/main/server/images/structure";
import { drawRoom, rawToPng, windowRoomFixture, bedroomFixture, twoRoomFixture } from "/work/main/server/images/testing/synthetic";
async function main() {
  for (const [name, room] of [["win", windowRoomFixture()], ["bed", bedroomFixture()], ["two", twoRoomFixture()]] as const) {
    const p = `/tmp/winprobe/${name}.png`;
    fs.writeFileSync(p, await rawToPng(drawRoom(room), room.width, room.height));
    const spec = await structureFromImage({ path: p, widthPx: room.width, heightPx: room.height, roomDims: { w: room.interior[2] / 100, d: room.interior[3] / 100 }, prompt: null });
    console.log(name, JSON.stringify(spec.openings));
  }
  for (const f of ["code-as-room-example1.png", "code-as-room-render-topdown.png"]) {
    const spec = await structureFromImage({ path: "/work/shared/inputs/images/" + f, widthPx: 0, heightPx: 0, roomDims: null, prompt: null });
    console.log(f, JSON.stringify(spec.openings), spec.roomSize);
  }
}
void main();
