; Inno Setup 6 script: per-user installer for lei_desktop (no administrator rights needed).
;
; Build it on Windows after the bundle (see packaging/README.md):
;   python packaging\build.py --dist dist --installer
; which runs ISCC with the version from pyproject.toml, i.e.
;   ISCC /DAppVersion=0.1.0 /DAppVersionNumeric=0.1.0.0 /DBundleDir=dist\lei-desktop /Odist packaging\installer.iss
;
; Installs into %LOCALAPPDATA%\Programs\lei_desktop. The user's data lives elsewhere
; (%LOCALAPPDATA%\lei_desktop: database, backups, settings -- see lei_desktop/paths.py), and the
; uninstaller removes only what it installed, so uninstalling (or upgrading) keeps the data.

#ifndef AppVersion
  #error Pass the version from pyproject.toml: ISCC /DAppVersion=X.Y.Z (packaging\build.py --installer does)
#endif
#ifndef AppVersionNumeric
  #define AppVersionNumeric AppVersion + ".0"
#endif
#ifndef BundleDir
  #define BundleDir "..\dist\lei-desktop"
#endif

#define AppName "lei_desktop"
#define AppTitle "lei_desktop 海外知识产权法律费用保险理赔 / Overseas IP legal-expenses claims"
#define AppExe "lei-desktop.exe"
#define CliExe "lei-cli.exe"

[Setup]
; Never change AppId: Windows recognises upgrades and the uninstall entry by it.
AppId={{6F1C2B9E-4D7A-4E0B-9A51-2C8F3E7D5B10}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=lei_desktop
VersionInfoVersion={#AppVersionNumeric}
VersionInfoProductName={#AppTitle}
; per user, no UAC prompt
PrivilegesRequired=lowest
DefaultDirName={localappdata}\Programs\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Qt 6 needs Windows 10 or later
MinVersion=10.0
OutputBaseFilename=lei-desktop-{#AppVersion}-setup
SetupIconFile=..\resources\icons\lei.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; close a running lei-desktop before files are replaced
CloseApplications=yes
RestartApplications=no
ShowLanguageDialog=auto

#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
  #define HaveChinese
#endif

[Languages]
#ifdef HaveChinese
Name: "zh"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#endif
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
en.SelfTest=lei_desktop self-test
en.DesktopIcon=Create a desktop shortcut
#ifdef HaveChinese
zh.SelfTest=lei_desktop 自检
zh.DesktopIcon=创建桌面快捷方式
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"; Flags: unchecked

[Files]
; the whole one-folder bundle built by PyInstaller (lei-desktop.exe, lei-cli.exe, _internal\)
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{group}\{cm:SelfTest}"; Filename: "{cmd}"; Parameters: "/k ""{app}\{#CliExe}"" --selftest"; WorkingDir: "{app}"; IconFilename: "{app}\{#CliExe}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; only the program folder (e.g. files Python or Qt wrote next to the executables). The data folder
; %LOCALAPPDATA%\lei_desktop is deliberately NOT listed: uninstalling keeps the user's claims.
Type: filesandordirs; Name: "{app}\_internal"
; the font the app unpacked on first start (lei_desktop/paths.py font_files): made again when needed
Type: filesandordirs; Name: "{localappdata}\lei_desktop\cache"
