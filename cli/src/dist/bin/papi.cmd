@echo off
rem papi from papi-VERSION.zip on Windows: runs on the system's Java 17 or newer (JAVA_HOME, else java on the PATH).
setlocal
set "PAPI_LIB=%~dp0..\lib"
set "PAPI_JAVA=java"
if defined JAVA_HOME set "PAPI_JAVA=%JAVA_HOME%\bin\java"
"%PAPI_JAVA%" %PAPI_JAVA_OPTS% -cp "%PAPI_LIB%\*" io.papi.cli.PapiMain %*
exit /b %ERRORLEVEL%
