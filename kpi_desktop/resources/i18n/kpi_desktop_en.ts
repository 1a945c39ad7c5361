<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="vi_VN">
<context>
    <name>AboutPage</name>
    <message>
        <location filename="../../ui/pages/about.py" line="20" />
        <source>Giới thiệu KPI Desktop</source>
        <translation>About KPI Desktop</translation>
    </message>
    <message>
        <location filename="../../ui/pages/about.py" line="22" />
        <source>Ứng dụng ngoại tuyến để theo dõi, đánh giá và xếp loại chất lượng cán bộ, công chức, viên chức theo KPI (Nghị định 335/2025/NĐ-CP, Nghị định 233/2026/NĐ-CP).</source>
        <translation>An offline application to track, evaluate and rate public officials, civil servants and public employees by KPI (Decree 335/2025/NĐ-CP, Decree 233/2026/NĐ-CP).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/about.py" line="35" />
        <source>Phiên bản:</source>
        <translation>Version:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/about.py" line="36" />
        <source>Cơ sở dữ liệu:</source>
        <translation>Database:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/about.py" line="37" />
        <source>Thư mục dữ liệu:</source>
        <translation>Data folder:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/about.py" line="38" />
        <source>Phông chữ đi kèm:</source>
        <translation>Bundled fonts:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/about.py" line="39" />
        <source>Chữ mẫu:</source>
        <translation>Sample text:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/about.py" line="49" />
        <source>(không có)</source>
        <translation>(none)</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/dialogs/login.py" line="27" />
        <source>Đăng nhập — KPI Desktop</source>
        <translation>Log in — KPI Desktop</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="32" />
        <source>Đăng nhập bằng tài khoản trên máy này</source>
        <translation>Log in with an account on this computer</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="41" />
        <source>Tên đăng nhập</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="45" />
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="46" />
        <source>&amp;Tên đăng nhập:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="47" />
        <source>&amp;Mật khẩu:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="53" />
        <source>Thông báo lỗi đăng nhập</source>
        <translation>Login error message</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="58" />
        <source>Đăng &amp;nhập</source>
        <translation>&amp;Log in</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="68" />
        <source>Hãy nhập tên đăng nhập.</source>
        <translation>Enter a user name.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="36" />
        <source>KPI Desktop — Đánh giá, xếp loại theo KPI</source>
        <translation>KPI Desktop — KPI evaluation and rating</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="42" />
        <source>Danh sách trang</source>
        <translation>Pages</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="60" />
        <source>Người dùng: {name} ({role})</source>
        <translation>User: {name} ({role})</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="64" />
        <source>Cơ sở dữ liệu: {path}</source>
        <translation>Database: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="70" />
        <source>&amp;Tệp</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="71" />
        <source>Đăng &amp;xuất</source>
        <translation>Log &amp;out</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="74" />
        <source>&amp;Thoát</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="80" />
        <source>Trang</source>
        <translation>Go</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="88" />
        <source>Trợ &amp;giúp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="89" />
        <source>&amp;Giới thiệu</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="139" />
        <source>Giới thiệu</source>
        <translation>About</translation>
    </message>
</context>
<context>
    <name>crash</name>
    <message>
        <location filename="../../ui/crash.py" line="39" />
        <source>Lỗi không mong đợi</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="40" />
        <source>Chương trình gặp một lỗi không mong đợi. Dữ liệu đã lưu không bị ảnh hưởng; thao tác vừa rồi có thể chưa hoàn tất.</source>
        <translation>The program hit an unexpected error. Saved data is not affected; the last action may not have completed.</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="43" />
        <source>(không ghi được tệp nhật ký)</source>
        <translation>(the log file could not be written)</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="44" />
        <source>Chi tiết kỹ thuật đã được ghi vào: {path}. Hãy gửi tệp này cho bộ phận hỗ trợ.</source>
        <translation>Technical details were written to: {path}. Please send this file to support.</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="56" />
        <source>Không thực hiện được</source>
        <translation>Could not be done</translation>
    </message>
</context>
<context>
    <name>pages</name>
    <message>
        <location filename="../../ui/pages/registry.py" line="38" />
        <source>Giới thiệu</source>
        <translation>About</translation>
    </message>
</context>
<context>
    <name>workers</name>
    <message>
        <location filename="../../ui/workers.py" line="185" />
        <source>Huỷ</source>
        <translation>Cancel</translation>
    </message>
</context>
</TS>