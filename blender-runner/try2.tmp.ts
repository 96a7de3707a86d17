import { validateGlb, readGlbMaterials, readGlbNodes } from "./client/glb";
async function main() {
  console.log(await validateGlb("/tmp/table.glb"), await readGlbMaterials("/tmp/table.glb"), JSON.stringify(await readGlbNodes("/tmp/table.glb")));
}
main();
