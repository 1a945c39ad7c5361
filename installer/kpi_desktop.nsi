; KPI Desktop — Windows installer (NSIS 3, Modern UI 2, Unicode).
;
; Per-user: no administrator rights (commune PCs are shared and locked down). Installs into
; %LOCALAPPDATA%\Programs\KPI Desktop, registers the uninstaller under HKCU, and never touches the
; user's data (database, backups, logs, keys), which the program keeps in its own data folder
; (%LOCALAPPDATA%\KPI Desktop\kpi-desktop by default); uninstalling leaves it in place.
;
; Build on Windows, after PyInstaller (see installer/README.md):
;   makensis /INPUTCHARSET UTF8 installer\kpi_desktop.nsi
; Options (all optional):
;   /DDISTDIR=path   the PyInstaller onedir (default ..\dist\kpi-desktop next to this script)
;   /DOUTDIR=path    where the setup .exe goes (default ..\dist)
;   /DNOCOMPRESS     store instead of LZMA (4 min → seconds; for checking the script only)
;   /DVERSION=x.y.z /DVERSION_DOTTED=x.y.z.w   normally read from kpi_desktop.__version__ by
;                    running installer\version.py with /DPYTHON=... (default "python")
; On Linux the same script compiles with Debian's makensis (the CI check):
;   makensis -INPUTCHARSET UTF8 -DPYTHON=python3 -DDISTDIR=$PWD/dist/kpi-desktop installer/kpi_desktop.nsi
; makensis works in this script's folder: relative paths given to it are relative to installer/.

Unicode true
ManifestDPIAware true
RequestExecutionLevel user
!ifdef NOCOMPRESS
  SetCompress off  ; -DNOCOMPRESS: a quick compile that checks the script (CI), not for shipping
!else
  SetCompressor /SOLID lzma
  SetCompressorDictSize 64
!endif

!define APPNAME "KPI Desktop"
!define APPKEY "KPIDesktop"
!define PUBLISHER "KPI Desktop"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APPKEY}"
!define SETTINGS_KEY "Software\${APPKEY}"

; --- version: one place, kpi_desktop/__init__.py -------------------------------------------------
!ifndef PYTHON
  !define PYTHON "python"
!endif
!ifndef VERSION
  !tempfile VERSION_NSH
  !ifdef NSIS_WIN32_MAKENSIS
    ; cmd.exe drops the first and last quote of a command that starts with one: wrap it once more.
    !system '""${PYTHON}" version.py --nsh "${VERSION_NSH}""' = 0
  !else
    !system '"${PYTHON}" version.py --nsh "${VERSION_NSH}"' = 0
  !endif
  !include "${VERSION_NSH}"
  !delfile "${VERSION_NSH}"
!endif
!ifndef VERSION_DOTTED
  !error "VERSION given without VERSION_DOTTED (x.y.z.w); leave both out to read kpi_desktop.__version__"
!endif

!ifndef DISTDIR
  !define DISTDIR "../dist/kpi-desktop"
!endif
!ifndef OUTDIR
  !define OUTDIR "../dist"
!endif
!if /FileExists "${DISTDIR}/_internal"
!else
  !error "No PyInstaller build in ${DISTDIR}: run pyinstaller installer/kpi_desktop.spec first (or pass /DDISTDIR=...)"
!endif
!define RESOURCES "${DISTDIR}/_internal/kpi_desktop/resources"

Name "${APPNAME}"
OutFile "${OUTDIR}/kpi-desktop-${VERSION}-setup.exe"
InstallDir "$LOCALAPPDATA\Programs\${APPNAME}"
InstallDirRegKey HKCU "${SETTINGS_KEY}" "InstallDir"
BrandingText "${APPNAME} ${VERSION}"

VIProductVersion "${VERSION_DOTTED}"
VIFileVersion "${VERSION_DOTTED}"
VIAddVersionKey /LANG=0 "ProductName" "${APPNAME}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "LegalCopyright" "KPI Desktop developers, MIT licence"
VIAddVersionKey /LANG=0 "FileDescription" "${APPNAME} ${VERSION} Setup"

!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"

!define MUI_ICON "images/kpi-desktop.ico"
!define MUI_UNICON "images/kpi-desktop.ico"
!define MUI_ABORTWARNING
!define MUI_UNABORTWARNING
!define MUI_LANGDLL_REGISTRY_ROOT HKCU
!define MUI_LANGDLL_REGISTRY_KEY "${SETTINGS_KEY}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "InstallerLanguage"
!define MUI_LANGDLL_ALLLANGUAGES

!define MUI_FINISHPAGE_RUN "$INSTDIR\kpi-desktop.exe"
!define MUI_FINISHPAGE_SHOWREADME "$INSTDIR\THIRD-PARTY-NOTICES.txt"
!define MUI_FINISHPAGE_SHOWREADME_NOTCHECKED
!define MUI_FINISHPAGE_SHOWREADME_TEXT "$(NoticesText)"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_LICENSE "windows/license.txt"
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!define MUI_UNFINISHPAGE_NOAUTOCLOSE
!define MUI_FINISHPAGE_TEXT "$(KeptDataText)"
!insertmacro MUI_UNPAGE_FINISH

; Vietnamese first: it is the default and the first entry of the language dialog.
!insertmacro MUI_LANGUAGE "Vietnamese"
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_RESERVEFILE_LANGDLL

LangString SecAppName ${LANG_VIETNAMESE} "KPI Desktop (bắt buộc)"
LangString SecAppName ${LANG_ENGLISH} "KPI Desktop (required)"
LangString SecAppDesc ${LANG_VIETNAMESE} "Chương trình, lệnh kpi, phông chữ, danh mục và chứng thư của tỉnh."
LangString SecAppDesc ${LANG_ENGLISH} "The program, the kpi command, fonts, catalogues and the province certificates."
LangString SecDesktopName ${LANG_VIETNAMESE} "Lối tắt trên màn hình"
LangString SecDesktopName ${LANG_ENGLISH} "Desktop shortcut"
LangString SecDesktopDesc ${LANG_VIETNAMESE} "Đặt biểu tượng KPI Desktop lên màn hình nền."
LangString SecDesktopDesc ${LANG_ENGLISH} "Put a KPI Desktop icon on the desktop."
LangString CliShortcut ${LANG_VIETNAMESE} "KPI Desktop — dòng lệnh"
LangString CliShortcut ${LANG_ENGLISH} "KPI Desktop — command line"
LangString UninstallShortcut ${LANG_VIETNAMESE} "Gỡ cài đặt KPI Desktop"
LangString UninstallShortcut ${LANG_ENGLISH} "Uninstall KPI Desktop"
LangString NoticesText ${LANG_VIETNAMESE} "Xem giấy phép của các thành phần đi kèm"
LangString NoticesText ${LANG_ENGLISH} "Show the licences of the bundled components"
LangString StillRunning ${LANG_VIETNAMESE} "KPI Desktop đang chạy. Hãy đóng chương trình rồi bấm Thử lại."
LangString StillRunning ${LANG_ENGLISH} "KPI Desktop is running. Close it, then click Retry."
LangString KeptDataText ${LANG_VIETNAMESE} "Đã gỡ KPI Desktop khỏi máy.$\r$\n$\r$\nDữ liệu của bạn (cơ sở dữ liệu, bản sao lưu, nhật ký, khoá) vẫn được giữ nguyên trong $LOCALAPPDATA\KPI Desktop. Cài lại chương trình sẽ dùng tiếp dữ liệu này; muốn xoá hẳn thì xoá thư mục đó."
LangString KeptDataText ${LANG_ENGLISH} "KPI Desktop has been removed.$\r$\n$\r$\nYour data (database, backups, logs, keys) is kept in $LOCALAPPDATA\KPI Desktop. Installing again picks it up; delete that folder to remove it for good."
LangString KeptDataDetail ${LANG_VIETNAMESE} "Giữ nguyên dữ liệu người dùng trong $LOCALAPPDATA\KPI Desktop"
LangString KeptDataDetail ${LANG_ENGLISH} "User data kept in $LOCALAPPDATA\KPI Desktop"

Function .onInit
  SetShellVarContext current
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Function un.onInit
  SetShellVarContext current
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd

; The program files of a previous version would otherwise linger next to the new ones.
!macro RemoveProgramFiles
  Delete "$INSTDIR\kpi-desktop.exe"
  Delete "$INSTDIR\kpi.exe"
  Delete "$INSTDIR\THIRD-PARTY-NOTICES.txt"
  RMDir /r "$INSTDIR\_internal"
  RMDir /r "$INSTDIR\certificates"
!macroend

Section "!$(SecAppName)" SecApp
  SectionIn RO
  SetOutPath "$INSTDIR"
  retry:
  ClearErrors
  ; A running copy locks its executable; replacing files under it would leave a broken mix.
  FileOpen $0 "$INSTDIR\kpi-desktop.exe" a
  ${If} ${Errors}
    ${If} ${FileExists} "$INSTDIR\kpi-desktop.exe"
      MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(StillRunning)" /SD IDCANCEL IDRETRY retry
      Abort
    ${EndIf}
  ${Else}
    FileClose $0
  ${EndIf}
  !insertmacro RemoveProgramFiles

  File /r "${DISTDIR}/*"

  ; The province certificates (root and encryption) also sit in plain sight, for checking their
  ; fingerprints or verifying a bundle with openssl. Only certificates: never *.key.
  SetOutPath "$INSTDIR\certificates"
  File /nonfatal /r "${RESOURCES}/*.pem"
  File /nonfatal /r "${RESOURCES}/*.crt"
  File /nonfatal /r "${RESOURCES}/*.cer"
  SetOutPath "$INSTDIR"
  RMDir "$INSTDIR\certificates"  ; only if nothing was shipped

  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateDirectory "$SMPROGRAMS\${APPNAME}"
  CreateShortcut "$SMPROGRAMS\${APPNAME}\${APPNAME}.lnk" "$INSTDIR\kpi-desktop.exe" "" "$INSTDIR\kpi-desktop.exe" 0
  ; The clerk also needs the `kpi` command: a console already in the install folder.
  CreateShortcut "$SMPROGRAMS\${APPNAME}\$(CliShortcut).lnk" "$SYSDIR\cmd.exe" \
    '/k "cd /d "$INSTDIR" && kpi.exe --help"' "$INSTDIR\kpi.exe" 0
  CreateShortcut "$SMPROGRAMS\${APPNAME}\$(UninstallShortcut).lnk" "$INSTDIR\uninstall.exe"

  WriteRegStr HKCU "${SETTINGS_KEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${APPNAME}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\kpi-desktop.exe,0"
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINST_KEY}" "EstimatedSize" "$0"
SectionEnd

Section "$(SecDesktopName)" SecDesktop
  CreateShortcut "$DESKTOP\${APPNAME}.lnk" "$INSTDIR\kpi-desktop.exe" "" "$INSTDIR\kpi-desktop.exe" 0
SectionEnd

!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SecApp} "$(SecAppDesc)"
  !insertmacro MUI_DESCRIPTION_TEXT ${SecDesktop} "$(SecDesktopDesc)"
!insertmacro MUI_FUNCTION_DESCRIPTION_END

Section "Uninstall"
  ; Only what the installer put there: the user may have chosen a folder that holds other files.
  !insertmacro RemoveProgramFiles
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"

  Delete "$SMPROGRAMS\${APPNAME}\${APPNAME}.lnk"
  Delete "$SMPROGRAMS\${APPNAME}\$(CliShortcut).lnk"
  Delete "$SMPROGRAMS\${APPNAME}\$(UninstallShortcut).lnk"
  RMDir "$SMPROGRAMS\${APPNAME}"
  Delete "$DESKTOP\${APPNAME}.lnk"

  DeleteRegKey HKCU "${UNINST_KEY}"
  DeleteRegValue HKCU "${SETTINGS_KEY}" "InstallDir"
  DeleteRegKey /ifempty HKCU "${SETTINGS_KEY}"
  ; Deliberately not removed: the data folder under $LOCALAPPDATA\KPI Desktop and %APPDATA%.
  DetailPrint "$(KeptDataDetail)"
SectionEnd
