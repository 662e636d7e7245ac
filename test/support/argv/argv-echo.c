/* A real Windows argv parser for the quoting tests, run under Wine.
 *   argv-echo.exe <file>   reads command-line tails, one per line, hex-encoded UTF-8; for each
 *                          prints "shell32:" + the arguments CommandLineToArgvW finds, and
 *                          "crt:" + the arguments the C runtime of a child process receives
 *                          (the child is this program, started with CreateProcessW).
 *   argv-echo.exe -child   prints its own arguments (after -child) as the C runtime split them.
 * Arguments are printed as "<count>:" and then hex-encoded UTF-8, separated by ',' so any text
 * survives (and one empty argument differs from none).
 */
#include <windows.h>
#include <shellapi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void put_hex(const wchar_t *w) {
  char utf8[65536];
  int n = WideCharToMultiByte(CP_UTF8, 0, w, -1, utf8, sizeof utf8, NULL, NULL);
  for (int i = 0; i < n - 1; i++) printf("%02x", (unsigned char)utf8[i]);
}

static void put_args(int count, wchar_t **args) {
  printf("%d:", count);
  for (int i = 0; i < count; i++) {
    if (i) putchar(',');
    put_hex(args[i]);
  }
  putchar('\n');
}

static int hexval(int c) { return c <= '9' ? c - '0' : (c | 32) - 'a' + 10; }

int wmain(int argc, wchar_t **argv) {
  if (argc >= 2 && wcscmp(argv[1], L"-child") == 0) {
    put_args(argc - 2, argv + 2);
    return 0;
  }
  FILE *in = _wfopen(argv[1], L"rb");
  if (!in) return 2;
  static char line[131072], utf8[65536];
  static wchar_t tail[65536], command[70000], exe[MAX_PATH];
  GetModuleFileNameW(NULL, exe, MAX_PATH);
  while (fgets(line, sizeof line, in)) {
    size_t n = 0;
    for (char *p = line; p[0] && p[1] && p[0] != '\n'; p += 2) utf8[n++] = (char)(hexval(p[0]) * 16 + hexval(p[1]));
    utf8[n] = 0;
    MultiByteToWideChar(CP_UTF8, 0, utf8, -1, tail, 65536);
    /* CommandLineToArgvW reads the first word as the program name: give it one. */
    swprintf(command, 70000, L"prog.exe %ls", tail);
    int count = 0;
    wchar_t **args = CommandLineToArgvW(command, &count);
    printf("shell32:");
    put_args(count - 1, args + 1);
    LocalFree(args);
    swprintf(command, 70000, L"\"%ls\" -child %ls", exe, tail);
    fflush(stdout);
    STARTUPINFOW si = {sizeof si};
    PROCESS_INFORMATION pi;
    printf("crt:");
    fflush(stdout);
    si.dwFlags = STARTF_USESTDHANDLES;
    si.hStdOutput = GetStdHandle(STD_OUTPUT_HANDLE);
    si.hStdError = GetStdHandle(STD_ERROR_HANDLE);
    si.hStdInput = GetStdHandle(STD_INPUT_HANDLE);
    if (!CreateProcessW(exe, command, NULL, NULL, TRUE, 0, NULL, NULL, &si, &pi)) {
      printf("spawn-failed\n");
      continue;
    }
    WaitForSingleObject(pi.hProcess, INFINITE);
    CloseHandle(pi.hProcess);
    CloseHandle(pi.hThread);
  }
  return 0;
}
