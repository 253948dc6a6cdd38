@echo off
rem Starts Playbook on Windows, as bin/playbook does on Linux and macOS (see the comments there):
rem finds Java 17 or newer (JAVA_HOME first, then the PATH) and the jar beside this folder
rem (lib\playbook.jar in the download, target\playbook.jar in the source tree), and keeps the
rem class-data archive that speeds up start-up in %LOCALAPPDATA%\playbook, never beside the jar.
rem   JAVA_HOME           the Java to use (else java.exe on the PATH)
rem   PLAYBOOK_JAVA_OPTS  more JVM options, e.g. -Xmx2g
rem   PLAYBOOK_JAR        another jar to run
rem   PLAYBOOK_CACHE      where the archive goes (default: %LOCALAPPDATA%\playbook)
setlocal EnableExtensions DisableDelayedExpansion

for %%I in ("%~dp0..") do set "PB_HOME=%%~fI"
set "PB_JAR=%PB_HOME%\target\playbook.jar"
if exist "%PB_HOME%\lib\playbook.jar" set "PB_JAR=%PB_HOME%\lib\playbook.jar"
if defined PLAYBOOK_JAR set "PB_JAR=%PLAYBOOK_JAR%"
if exist "%PB_JAR%" goto :find_java
if not exist "%PB_HOME%\pom.xml" goto :incomplete
>&2 echo playbook: %PB_JAR% is missing; build it first: mvn -q package -DskipTests
exit /b 2
:incomplete
>&2 echo playbook: %PB_JAR% is missing; the installation is incomplete: unpack the download again
exit /b 2

:find_java
set "PB_INSTALL=Install Java 17 or newer (for example Eclipse Temurin 21 from https://adoptium.net/), then set JAVA_HOME to it or put its bin folder on the PATH."
if not defined JAVA_HOME goto :java_on_path
set "PB_JAVA=%JAVA_HOME%\bin\java.exe"
if exist "%PB_JAVA%" goto :java_version
>&2 echo playbook: JAVA_HOME is %JAVA_HOME%, but there is no %PB_JAVA%.
>&2 echo %PB_INSTALL% Or unset JAVA_HOME to use the java on the PATH.
exit /b 2
:java_on_path
set "PB_JAVA="
for %%J in (java.exe) do set "PB_JAVA=%%~$PATH:J"
if defined PB_JAVA goto :java_version
>&2 echo playbook: Playbook needs Java 17 or newer, and there is no Java here: JAVA_HOME is not set and there is no java on the PATH.
>&2 echo %PB_INSTALL%
exit /b 2

rem The runtime's version: from the release file beside it, else from `java -version`; a string
rem like 17.0.15, 1.8.0_392, 25 or 21-ea.
:java_version
set "PB_RUNTIME="
for %%D in ("%PB_JAVA%") do set "PB_RELEASE=%%~dpD..\release"
if exist "%PB_RELEASE%" for /f "usebackq tokens=1,* delims==" %%A in ("%PB_RELEASE%") do if "%%A"=="JAVA_RUNTIME_VERSION" set "PB_RUNTIME=%%~B"
if defined PB_RUNTIME goto :java_major
for /f "tokens=1-3" %%A in ('call "%PB_JAVA%" -version 2^>^&1') do if /i "%%B"=="version" if not defined PB_RUNTIME set "PB_RUNTIME=%%~C"
:java_major
set "PB_MAJOR="
if defined PB_RUNTIME for /f "tokens=1,2 delims=.-_+" %%A in ("%PB_RUNTIME%") do if "%%A"=="1" (set "PB_MAJOR=%%B") else (set "PB_MAJOR=%%A")
if not defined PB_MAJOR goto :options
echo %PB_MAJOR%| findstr /r "^[0-9][0-9]*$" >nul || goto :options
if %PB_MAJOR% GEQ 17 goto :options
>&2 echo playbook: Playbook needs Java 17 or newer, but %PB_JAVA% is Java %PB_MAJOR% (%PB_RUNTIME%).
>&2 echo %PB_INSTALL%
exit /b 2

rem The serial collector, which keeps a short-lived tool's memory small, and the quick compiler alone:
rem the optimising compiler's own work costs more than it saves at every size measured.
:options
set "PB_COMMAND="
set "PB_LEARN=no"
for %%A in (%*) do call :argument "%%~A"
if "%PB_COMMAND%"=="build" if not "%PB_LEARN%"=="never" set "PB_LEARN=yes"
set "PB_OPTIONS=-Xlog:cds=off -Xlog:cds+dynamic=off -XX:+UseSerialGC -XX:TieredStopAtLevel=1"
set "PB_LAUNCHER=%~f0"
for %%P in (playbook.cmd) do if /i "%%~$PATH:P"=="%~f0" set "PB_LAUNCHER=playbook"

rem The archive belongs to this jar (its folder, size and time) and this runtime: a new jar or
rem another Java makes its own, and the one it replaces is removed. Made on exit of a run without one.
set "PB_CACHE="
if defined LOCALAPPDATA set "PB_CACHE=%LOCALAPPDATA%\playbook"
if defined PLAYBOOK_CACHE set "PB_CACHE=%PLAYBOOK_CACHE%"
if not defined PB_CACHE goto :run
for %%J in ("%PB_JAR%") do (set "PB_SLOT=%%~dpJ" & set "PB_KEY=%%~zJ-%%~tJ")
set "PB_SLOT=%PB_SLOT:\=-%"
set "PB_SLOT=%PB_SLOT::=%"
set "PB_SLOT=%PB_SLOT: =-%"
set "PB_SLOT=%PB_SLOT:(=-%"
set "PB_SLOT=%PB_SLOT:)=-%"
set "PB_RUNTIME_KEY=%PB_RUNTIME%"
if defined PB_RUNTIME_KEY set "PB_RUNTIME_KEY=%PB_RUNTIME_KEY:+=-%"
set "PB_KEY=%PB_KEY%-%PB_RUNTIME_KEY%"
set "PB_KEY=%PB_KEY:/=-%"
set "PB_KEY=%PB_KEY::=-%"
set "PB_KEY=%PB_KEY: =-%"
set "PB_CACHE=%PB_CACHE%\%PB_SLOT%"
if not exist "%PB_CACHE%\" mkdir "%PB_CACHE%" 2>nul
if not exist "%PB_CACHE%\" goto :run
set "PB_ARCHIVE=%PB_CACHE%\playbook-%PB_KEY%.jsa"
if not exist "%PB_ARCHIVE%" goto :make_archive
"%PB_JAVA%" %PB_OPTIONS% "-XX:SharedArchiveFile=%PB_ARCHIVE%" %PLAYBOOK_JAVA_OPTS% "-Dplaybook.launcher=%PB_LAUNCHER%" -jar "%PB_JAR%" %*
exit /b %ERRORLEVEL%

rem A build that succeeds makes the archive (what --help or a failed build loads is too little to
rem keep), under a name of its own, renamed once the JVM has written it.
:make_archive
if not "%PB_LEARN%"=="yes" goto :run
set "PB_PARTIAL=%PB_ARCHIVE%.%RANDOM%.partial"
"%PB_JAVA%" %PB_OPTIONS% "-XX:ArchiveClassesAtExit=%PB_PARTIAL%" %PLAYBOOK_JAVA_OPTS% "-Dplaybook.launcher=%PB_LAUNCHER%" -jar "%PB_JAR%" %*
set "PB_STATUS=%ERRORLEVEL%"
if not exist "%PB_PARTIAL%" exit /b %PB_STATUS%
if not "%PB_STATUS%"=="0" del /q "%PB_PARTIAL%" >nul 2>nul
if not "%PB_STATUS%"=="0" exit /b %PB_STATUS%
for %%F in ("%PB_CACHE%\playbook-*-%PB_RUNTIME_KEY%.jsa") do del /q "%%~fF" >nul 2>nul
move /y "%PB_PARTIAL%" "%PB_ARCHIVE%" >nul 2>nul
if exist "%PB_PARTIAL%" del /q "%PB_PARTIAL%" >nul 2>nul
exit /b %PB_STATUS%

:run
"%PB_JAVA%" %PB_OPTIONS% %PLAYBOOK_JAVA_OPTS% "-Dplaybook.launcher=%PB_LAUNCHER%" -jar "%PB_JAR%" %*
exit /b %ERRORLEVEL%

:argument
set "PB_ARGUMENT=%~1"
if not defined PB_ARGUMENT goto :eof
for %%H in (-h --help -V --version) do if "%~1"=="%%H" set "PB_LEARN=never"
if not defined PB_COMMAND if not "%PB_ARGUMENT:~0,1%"=="-" set "PB_COMMAND=%PB_ARGUMENT%"
goto :eof
