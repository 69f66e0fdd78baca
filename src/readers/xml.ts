// Streams an XML part through saxes with element and attribute names stripped of their prefix: Word
// always writes w:, but what matters is the local name. saxes expands no external or DTD entities,
// so a hostile part cannot make it fetch anything or blow up ("billion laughs").
import { SaxesParser } from "saxes";

export interface XmlHandlers {
  open?(name: string, attributes: Record<string, string>, parent: string | undefined): void;
  close?(name: string): void;
  text?(text: string, element: string | undefined): void;
}

function local(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

export function walkXml(xml: string, handlers: XmlHandlers): void {
  const parser = new SaxesParser();
  const stack: string[] = [];
  parser.on("opentag", (tag) => {
    const attributes: Record<string, string> = {};
    for (const [key, value] of Object.entries(tag.attributes)) attributes[local(key)] = String(value);
    const name = local(tag.name);
    handlers.open?.(name, attributes, stack[stack.length - 1]);
    stack.push(name);
  });
  parser.on("closetag", () => {
    const name = stack.pop();
    if (name !== undefined) handlers.close?.(name);
  });
  parser.on("text", (text) => handlers.text?.(text, stack[stack.length - 1]));
  parser.on("cdata", (text) => handlers.text?.(text, stack[stack.length - 1]));
  parser.write(xml).close();
}

/** Word's on/off attribute: absent or anything but 0/false/off means on. */
export function isOn(value: string | undefined): boolean {
  return value === undefined || !/^(0|false|off)$/i.test(value);
}
