:kb_probe_unsupported
rem A probe batch cannot express (certificate stores, file versions): X, never silently absent.
set "KB_PR=X"
set "KB_PD=a %KB_E_KIND% probe cannot be checked by the batch script; the PowerShell script checks it"
goto :kb_probe_report
