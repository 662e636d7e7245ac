// The longest the runtime waits for one thing (templates/ps1/runtime: services.ps1,
// steps/register-dlls.ps1; a test keeps them equal), for the worst-case time of a run.

/** One service state change, or the settling of a pending state before it. */
export const SERVICE_WAIT_SECONDS = 60;
/** One regsvr32 call. */
export const REGISTER_WAIT_SECONDS = 60;
/** A service stop or start may wait twice: for a pending state to settle, then for the change. */
export const SERVICE_CHANGE_SECONDS = 2 * SERVICE_WAIT_SECONDS;

/** A wait a step's runtime may spend, named for the worst-case list ("program timeout"). */
export interface StepWait {
  what: string;
  seconds: number;
}
