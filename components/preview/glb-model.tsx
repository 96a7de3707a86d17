"use client";
/**
 * One GLB in the preview, loaded with drei's `useGLTF(url, false, false)` (no Draco or Meshopt decoder,
 * so nothing is fetched from a CDN). When the URL changes (a new revision) the old entry is removed from
 * the loader cache and its geometry, materials and textures are disposed.
 */
import { Component, useEffect, useMemo, type ReactNode } from "react";
import { useGLTF } from "@react-three/drei";
import { Box3, Mesh, type Material, type Object3D, type Texture } from "three";

/** Free GPU resources held by a loaded glTF scene graph. */
export function disposeObject(root: Object3D): void {
  root.traverse((o) => {
    const mesh = o as Mesh;
    if (!mesh.isMesh) return;
    mesh.geometry?.dispose();
    const mats: Material[] = Array.isArray(mesh.material) ? mesh.material : [mesh.material];
    for (const m of mats) {
      if (!m) continue;
      for (const v of Object.values(m)) if (v && (v as Texture).isTexture) (v as Texture).dispose();
      m.dispose();
    }
  });
}

/** Renders the GLB at `url`; calls `onLoaded(box, root)` with its bounding box (local frame, Y-up, m) and scene root once shown. */
export function GlbModel({ url, onLoaded }: { url: string; onLoaded?: (box: Box3, root: Object3D) => void }) {
  const gltf = useGLTF(url, false, false);
  const box = useMemo(() => {
    gltf.scene.updateMatrixWorld(true);
    const b = new Box3().setFromObject(gltf.scene);
    return b;
  }, [gltf]);
  useEffect(() => {
    gltf.scene.traverse((o) => {
      const m = o as Mesh;
      if (m.isMesh) {
        m.castShadow = true;
        m.receiveShadow = true;
      }
    });
    onLoaded?.(box, gltf.scene);
  }, [gltf, box, onLoaded]);
  useEffect(
    () => () => {
      useGLTF.clear(url);
      disposeObject(gltf.scene);
    },
    [url, gltf],
  );
  return <primitive object={gltf.scene} />;
}

/** Keeps one failed GLB from taking the whole preview down; reports the failure once. */
export class GlbErrorBoundary extends Component<{ children: ReactNode; onError: (e: Error) => void; resetKey: string }, { failed: string | null }> {
  state = { failed: null as string | null };
  static getDerivedStateFromError() {
    return { failed: "x" };
  }
  componentDidCatch(error: Error) {
    this.props.onError(error);
    this.setState({ failed: this.props.resetKey });
  }
  componentDidUpdate(prev: { resetKey: string }) {
    if (prev.resetKey !== this.props.resetKey && this.state.failed) this.setState({ failed: null });
  }
  render() {
    return this.state.failed ? null : this.props.children;
  }
}
