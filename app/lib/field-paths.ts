// Field names address nested answers the way forms post them: `children[0].sex`.

/** Reads `children[0].sex` style paths from nested values. */
export function valueAt(values: unknown, name: string): string {
  let current: unknown = values;
  for (const part of name.replace(/\]/g, "").split(/[.[]/)) {
    if (current === null || typeof current !== "object") return "";
    current = (current as Record<string, unknown>)[part];
  }
  return current === undefined || current === null ? "" : String(current);
}

/** Writes a value at a path such as `children[0].sex` inside a step's values. */
export function setAt(target: Record<string, unknown>, name: string, value: unknown) {
  const parts = name.replace(/\]/g, "").split(/[.[]/);
  let current: Record<string, unknown> = target;
  parts.forEach((part, index) => {
    if (index === parts.length - 1) current[part] = value;
    else {
      const nextIsIndex = /^\d+$/.test(parts[index + 1]);
      const existing = current[part];
      current[part] = Array.isArray(existing) ? [...existing] : existing && typeof existing === "object" ? { ...(existing as object) } : nextIsIndex ? [] : {};
      current = current[part] as Record<string, unknown>;
    }
  });
}
