// A template that names a field its view lacks fails the compile instead of writing the text
// 'undefined' into a script: strict mode checks bare {{field}} paths only, never the value a
// helper is given, so the helpers refuse undefined themselves (TAKES_ABSENT lists the few
// written for optional values).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { EmitError } from "../../src/emit/bytes.js";
import { templates } from "../../src/emit/templates.js";

test("a batch argument without its text: an error naming the helper, no 'undefined'", () => {
  assert.throws(
    () => templates().render("cmd/partials/argument", { param: false, parts: false }),
    (e: unknown) =>
      e instanceof EmitError && /\{\{cmdSwitch \.\.\.\}\} was given no value/.test(e.message),
  );
});

test("the same partial with its field renders it", () => {
  const text = templates().render("cmd/partials/argument", {
    param: false,
    parts: false,
    literal: "/s",
  });
  assert.match(text, 'set "KB_A=/s"');
});

test.run();
