// Which Windows tools a command probe may run: detection must never change the machine
// (docs/emitted-script-rules.md#read-only-commands). For each tool we know, the verbs
// (switches or subcommands, compared without their leading - or / and case-insensitively)
// that only read, and those that change something. A verb that changes something is an
// error; a tool or verb we do not know is a warning the author must look at.

export interface ToolVerbs {
  /** Verbs that only read. Undefined: the tool reads with any arguments but the `writes`. */
  reads?: RegExp;
  /** Verbs that change the machine (or write a file, or never end). */
  writes: RegExp;
}

/** Matches no verb: tools that only ever read. */
const NOTHING = /(?!)/;

export const READ_ONLY_TOOLS: Readonly<Record<string, ToolVerbs>> = {
  winmgmt: {
    reads: /^verifyrepository$/,
    writes:
      /^(salvagerepository|resetrepository|standalonehost|sharedhost|backup|restore|resyncperf|clearadap|regserver|unregserver|kill)$/,
  },
  sc: {
    reads:
      /^(query|queryex|qc|qdescription|qfailure|qfailureflags|qsidtype|qprivs|qtriggerinfo|qpreferrednode|qmanagedaccount|qprotection|quserservice|sdshow|getdisplayname|getkeyname|enumdepend|showsid)$/,
    writes:
      /^(start|stop|pause|continue|control|config|description|failure|failureflags|sidtype|privs|managedaccount|delete|create|sdset|triggerinfo|preferrednode|boot|lock)$/,
  },
  bitsadmin: {
    reads: /^(list|info|listfiles|get[a-z]+)$/,
    writes:
      /^(create|add[a-z]*|replaceremoteprefix|cancel|complete|reset|resume|suspend|takeownership|transfer|set[a-z]+|monitor|util|peercaching|peers|cache)$/,
  },
  certutil: {
    reads: /^(store|verifystore|dump|verify|hashfile|viewstore|url)$/,
    writes:
      /^(add[a-z]*|del[a-z]*|repair[a-z]*|set[a-z]*|import[a-z]*|install[a-z]*|revoke|resubmit|deny|shutdown|backup[a-z]*|restore[a-z]*|pulse|dspublish|generatesstfromwu|syncwithwu|urlcache)$/,
  },
  reg: {
    reads: /^(query|compare)$/,
    writes: /^(add|delete|copy|save|restore|load|unload|import|export|flags)$/,
  },
  wevtutil: {
    reads:
      /^(qe|query-events|gl|get-log|el|enum-logs|gp|get-publisher|ep|enum-publishers|gli|get-log-info)$/,
    writes:
      /^(sl|set-log|cl|clear-log|epl|export-log|al|archive-log|im|install-manifest|um|uninstall-manifest)$/,
  },
  auditpol: { reads: /^(get|list)$/, writes: /^(set|clear|remove|backup|restore)$/ },
  w32tm: {
    reads: /^(query|tz|stripchart)$/,
    writes: /^(resync|config|register|unregister)$/,
  },
  schtasks: { reads: /^query$/, writes: /^(create|delete|run|end|change)$/ },
  vssadmin: { reads: /^list$/, writes: /^(delete|resize|create|add|revert)$/ },
  ipconfig: {
    writes:
      /^(release|release6|renew|renew6|flushdns|registerdns|setclassid|setclassid6|allcompartments)$/,
  },
  whoami: { writes: NOTHING },
  systeminfo: { writes: NOTHING },
  tasklist: { writes: NOTHING },
  driverquery: { writes: NOTHING },
};

export type ReadOnlyVerdict =
  | { kind: "reads" }
  | { kind: "writes"; verb: string }
  | { kind: "unknown-tool"; tool: string }
  | { kind: "unknown-verb"; tool: string };

/** The tool's name as the table keys it: the file name, lower case, without .exe. */
export function toolName(program: string): string {
  const leaf = program.split(/[\\/]/).pop() ?? "";
  return leaf.toLowerCase().replace(/\.exe$/, "");
}

const verbOf = (argument: string) => argument.replace(/^[-/]+/, "").toLowerCase();

export function readOnlyVerdict(program: string, args: readonly string[]): ReadOnlyVerdict {
  const tool = toolName(program);
  const verbs = READ_ONLY_TOOLS[tool];
  if (!verbs) return { kind: "unknown-tool", tool };
  const writes = args.find((a) => verbs.writes.test(verbOf(a)));
  if (writes !== undefined) return { kind: "writes", verb: writes };
  if (verbs.reads && !args.some((a) => verbs.reads!.test(verbOf(a))))
    return { kind: "unknown-verb", tool };
  return { kind: "reads" };
}
