"use client";
/**
 * Monaco editor for a Python object program, loaded from the local `monaco-editor` package (no CDN):
 * `loader.config({ monaco })` and workers from the bundle. Import this file only through `next/dynamic`
 * with `ssr: false`: Monaco touches `window` at module load.
 */
import { useEffect, useRef } from "react";
import * as monaco from "monaco-editor";
import Editor, { loader, type OnMount } from "@monaco-editor/react";

type MonacoEnv = { getWorker: (id: string, label: string) => Worker };
(self as unknown as { MonacoEnvironment: MonacoEnv }).MonacoEnvironment = {
  // Python needs only the base editor worker (tokenising is Monarch, on the main thread).
  getWorker: () => new Worker(new URL("monaco-editor/editor/editor.worker", import.meta.url), { type: "module" }),
};
loader.config({ monaco });

/** A marker on the program (1-based line). */
export interface CodeMarker {
  line: number;
  message: string;
}

/** Props of the code editor. */
export interface MonacoCodeProps {
  value: string;
  readOnly: boolean;
  /** Called on Ctrl/Cmd+S with the current text. */
  onSave: (source: string) => void;
  onDirty: (dirty: boolean) => void;
  /** Called with the text after every change (drafts). */
  onChange?: (source: string) => void;
  markers: CodeMarker[];
  /** Changes when another object or revision is shown (resets the undo stack and the dirty flag). */
  docKey: string;
}

/** The code editor. */
export default function MonacoCode({ value, readOnly, onSave, onDirty, onChange, markers, docKey }: MonacoCodeProps) {
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const saveRef = useRef(onSave);
  const dirtyRef = useRef(onDirty);
  const changeRef = useRef(onChange);
  const baseRef = useRef(value);
  useEffect(() => {
    saveRef.current = onSave;
    dirtyRef.current = onDirty;
    changeRef.current = onChange;
  }, [onSave, onDirty, onChange]);

  useEffect(() => {
    baseRef.current = value;
    const ed = editorRef.current;
    if (ed && ed.getValue() !== value) ed.setValue(value);
    dirtyRef.current(false);
  }, [value, docKey]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    monaco.editor.setModelMarkers(
      model,
      "roomcode",
      markers.map((m) => ({
        startLineNumber: m.line,
        endLineNumber: m.line,
        startColumn: 1,
        endColumn: model.getLineMaxColumn(Math.min(Math.max(m.line, 1), model.getLineCount())),
        message: m.message,
        severity: monaco.MarkerSeverity.Error,
      })),
    );
  }, [markers]);

  const onMount: OnMount = (ed) => {
    editorRef.current = ed;
    ed.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => saveRef.current(ed.getValue()));
    ed.onDidChangeModelContent(() => {
      const text = ed.getValue();
      dirtyRef.current(text !== baseRef.current);
      changeRef.current?.(text);
    });
  };

  return (
    <div className="h-full" data-testid="monaco" data-readonly={readOnly}>
      <Editor
        defaultLanguage="python"
        defaultValue={value}
        theme="vs"
        onMount={onMount}
        options={{ readOnly, minimap: { enabled: false }, fontSize: 12, scrollBeyondLastLine: false, automaticLayout: true, tabSize: 4, ariaLabel: "Object program (Python)" }}
      />
    </div>
  );
}
