<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="vi_VN">
<context>
    <name>AboutPage</name>
    <message>
        <location filename="../../ui/pages/about.py" line="20"/>
        <source>Giới thiệu KPI Desktop</source>
        <translation>About KPI Desktop</translation>
    </message>
    <message>
        <location filename="../../ui/pages/about.py" line="22"/>
        <source>Ứng dụng ngoại tuyến để theo dõi, đánh giá và xếp loại chất lượng cán bộ, công chức, viên chức theo KPI (Nghị định 335/2025/NĐ-CP, Nghị định 233/2026/NĐ-CP).</source>
        <translation>An offline application to track, evaluate and rate public officials, civil servants and public employees by KPI (Decree 335/2025/NĐ-CP, Decree 233/2026/NĐ-CP).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/about.py" line="35"/>
        <source>Phiên bản:</source>
        <translation>Version:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/about.py" line="36"/>
        <source>Cơ sở dữ liệu:</source>
        <translation>Database:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/about.py" line="37"/>
        <source>Thư mục dữ liệu:</source>
        <translation>Data folder:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/about.py" line="38"/>
        <source>Phông chữ đi kèm:</source>
        <translation>Bundled fonts:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/about.py" line="39"/>
        <source>Chữ mẫu:</source>
        <translation>Sample text:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/about.py" line="49"/>
        <source>(không có)</source>
        <translation>(none)</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="187"/>
        <source>Tài khoản quản trị đầu tiên</source>
        <translation>First administrator account</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="188"/>
        <source>Quản trị viên tạo tài khoản cho cán bộ tổ chức, lãnh đạo và công chức. Hãy ghi nhớ mật khẩu: không có cách lấy lại qua mạng.</source>
        <translation>The administrator creates the accounts of personnel clerks, heads and staff. Remember the password: it cannot be recovered online.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="192"/>
        <source>Tên đăng nhập quản trị</source>
        <translation>Administrator user name</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="193"/>
        <location filename="../../ui/pages/admin.py" line="118"/>
        <source>Quản trị hệ thống</source>
        <translation>System administrator</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="195"/>
        <source>Họ tên hiển thị</source>
        <translation>Display name</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="199"/>
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="203"/>
        <source>Nhập lại mật khẩu</source>
        <translation>Repeat the password</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="212"/>
        <source>&amp;Tên đăng nhập:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="214"/>
        <source>&amp;Họ tên hiển thị:</source>
        <translation>&amp;Display name:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="215"/>
        <source>&amp;Mật khẩu:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="217"/>
        <source>&amp;Nhập lại mật khẩu:</source>
        <translation>&amp;Repeat password:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="234"/>
        <source>Hai lần nhập mật khẩu không khớp.</source>
        <translation>The two passwords do not match.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="41"/>
        <source>bị sửa</source>
        <translation>edited</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="41"/>
        <source>bị xoá</source>
        <translation>deleted</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="42"/>
        <source>bị đảo thứ tự</source>
        <translation>reordered</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="43"/>
        <source>bị chèn thêm</source>
        <translation>inserted</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="44"/>
        <source>bị cắt bớt ở cuối</source>
        <translation>cut off at the end</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="45"/>
        <source>sai cấu trúc</source>
        <translation>malformed</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="48"/>
        <source>thêm</source>
        <translation>insert</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="48"/>
        <source>sửa</source>
        <translation>update</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="49"/>
        <source>xoá</source>
        <translation>delete</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="49"/>
        <source>đăng nhập</source>
        <translation>login</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="50"/>
        <source>khoá do sai mật khẩu</source>
        <translation>locked out</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="51"/>
        <source>xuất nhật ký</source>
        <translation>audit export</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="52"/>
        <source>tự chuyển bước quá hạn</source>
        <translation>overdue step forwarded</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="70"/>
        <source>có</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="88"/>
        <source>Nhật ký thay đổi chưa có mục nào; không có gì bị can thiệp.</source>
        <translation>The audit trail has no entries yet; nothing has been tampered with.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="89"/>
        <source>Chuỗi nhật ký thay đổi toàn vẹn: {n} mục, mục cuối số {last}.</source>
        <translation>The audit trail is intact: {n} entries, the last is number {last}.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="91"/>
        <source>Nhật ký thay đổi đã bị can thiệp: phát hiện {n} chỗ sai.</source>
        <translation>The audit trail has been tampered with: {n} problems found.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="93"/>
        <source>Mục số {seq}</source>
        <translation>Entry {seq}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="94"/>
        <source>Toàn chuỗi</source>
        <translation>Whole chain</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="110"/>
        <source>Quản trị</source>
        <translation>Administration</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="112"/>
        <source>&amp;Tài khoản</source>
        <translation>&amp;Accounts</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="114"/>
        <source>&amp;Sao lưu, khôi phục</source>
        <translation>&amp;Backup and restore</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="116"/>
        <source>&amp;Nhật ký thay đổi</source>
        <translation>Audit &amp;trail</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="151"/>
        <location filename="../../ui/pages/admin.py" line="167"/>
        <source>Tên đăng nhập</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="152"/>
        <location filename="../../ui/pages/admin.py" line="168"/>
        <source>Tên hiển thị</source>
        <translation>Display name</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="153"/>
        <location filename="../../ui/pages/admin.py" line="173"/>
        <source>Vai trò</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="154"/>
        <source>Hồ sơ gắn với</source>
        <translation>Linked person</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="155"/>
        <source>Đang dùng</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="156"/>
        <source>Đang bị khoá</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="157"/>
        <source>Đăng nhập lần cuối</source>
        <translation>Last login</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="160"/>
        <source>Danh sách tài khoản</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="165"/>
        <location filename="../../ui/pages/admin.py" line="186"/>
        <source>Thêm tài khoản</source>
        <translation>Add an account</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="169"/>
        <source>Mật khẩu ban đầu</source>
        <translation>Initial password</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="178"/>
        <source>Hồ sơ cán bộ gắn với tài khoản</source>
        <translation>Staff record linked to the account</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="183"/>
        <source>Cơ quan, đơn vị phụ trách (lãnh đạo)</source>
        <translation>Body headed (heads)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="184"/>
        <source>Thê&amp;m tài khoản</source>
        <translation>Add &amp;account</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="194"/>
        <source>Tên đăng &amp;nhập:</source>
        <translation>User &amp;name:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="196"/>
        <source>Tên &amp;hiển thị:</source>
        <translation>&amp;Display name:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="197"/>
        <source>&amp;Mật khẩu ban đầu:</source>
        <translation>Initial &amp;password:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="199"/>
        <source>&amp;Vai trò:</source>
        <translation>&amp;Role:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="201"/>
        <source>&amp;Hồ sơ cán bộ:</source>
        <translation>Staff &amp;record:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="203"/>
        <source>Đơn vị &amp;phụ trách:</source>
        <translation>&amp;Body headed:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="208"/>
        <source>Tài khoản đang chọn</source>
        <translation>Selected account</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="212"/>
        <source>Mật khẩu tạm mới</source>
        <translation>New temporary password</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="214"/>
        <source>Đặt &amp;lại mật khẩu</source>
        <translation>Re&amp;set password</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="215"/>
        <source>&amp;Mở khoá</source>
        <translation>&amp;Unlock</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="216"/>
        <location filename="../../ui/pages/admin.py" line="328"/>
        <source>&amp;Ngừng sử dụng</source>
        <translation>Deac&amp;tivate</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="219"/>
        <source>Mật khẩu &amp;tạm:</source>
        <translation>&amp;Temporary password:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="273"/>
        <location filename="../../ui/pages/admin.py" line="275"/>
        <source>(không gắn)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="319"/>
        <source>Chọn một tài khoản trong danh sách.</source>
        <translation>Select an account in the list.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="323"/>
        <source>đã ngừng sử dụng</source>
        <translation>deactivated</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="325"/>
        <source>đang bị khoá do nhập sai mật khẩu</source>
        <translation>locked after wrong passwords</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="328"/>
        <source>&amp;Dùng lại</source>
        <translation>Reac&amp;tivate</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="350"/>
        <source>Đã thêm tài khoản «{u}» ({role}); người dùng phải đổi mật khẩu khi đăng nhập lần đầu.</source>
        <translation>Account “{u}” ({role}) added; the user must change the password at first login.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="377"/>
        <source>Đã đặt lại mật khẩu của «{u}»; người dùng phải đổi mật khẩu khi đăng nhập.</source>
        <translation>Password of “{u}” reset; the user must change it at next login.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="386"/>
        <source>Đã mở khoá tài khoản «{u}».</source>
        <translation>Account “{u}” unlocked.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="394"/>
        <source>Đã ngừng sử dụng tài khoản «{u}».</source>
        <translation>Account “{u}” deactivated.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="395"/>
        <source>Đã cho dùng lại tài khoản «{u}».</source>
        <translation>Account “{u}” reactivated.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="402"/>
        <source>Tệp sao lưu</source>
        <translation>Backup file</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="403"/>
        <location filename="../../ui/pages/admin.py" line="545"/>
        <source>Thời điểm</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="405"/>
        <source>Loại</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="406"/>
        <source>tự động ({reason})</source>
        <translation>automatic ({reason})</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="407"/>
        <source>người dùng tạo</source>
        <translation>made by a user</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="408"/>
        <source>Dung lượng</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="410"/>
        <source>Danh sách bản sao lưu</source>
        <translation>Backups</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="413"/>
        <source>&amp;Sao lưu ngay</source>
        <translation>&amp;Back up now</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="414"/>
        <source>&amp;Khôi phục bản đã chọn…</source>
        <translation>&amp;Restore the selected backup…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="416"/>
        <source>Khôi phục từ tệp &amp;khác…</source>
        <translation>Restore from another &amp;file…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="423"/>
        <source>Bản sao lưu tự động được tạo mỗi ngày khi mở chương trình, trước khi nâng cấp và trước khi nhập dữ liệu. Khi khôi phục, dữ liệu hiện tại được giữ lại thành một tệp bên cạnh cơ sở dữ liệu.</source>
        <translation>Automatic backups are made once a day when the program opens, before an upgrade and before an import. A restore keeps the current data as a file next to the database.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="449"/>
        <source>Cơ sở dữ liệu máy chủ được sao lưu bằng công cụ của máy chủ.</source>
        <translation>A server database is backed up with the server&apos;s own tools.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="467"/>
        <source>Đã sao lưu vào {file} ({size}).</source>
        <translation>Backed up to {file} ({size}).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="485"/>
        <source>Hãy chọn một bản sao lưu trong danh sách.</source>
        <translation>Select a backup in the list.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="495"/>
        <source>Chọn tệp sao lưu</source>
        <translation>Choose a backup file</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="496"/>
        <source>Cơ sở dữ liệu SQLite (*.db *.sqlite);;Mọi tệp (*)</source>
        <translation>SQLite databases (*.db *.sqlite);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="501"/>
        <source>Không tìm thấy tệp «{file}».</source>
        <translation>File “{file}” not found.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="510"/>
        <source>Khôi phục dữ liệu</source>
        <translation>Restore data</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="511"/>
        <source>Thay toàn bộ dữ liệu hiện tại bằng bản sao lưu «{name}» ({when})?

Dữ liệu hiện tại được giữ lại thành một tệp bên cạnh cơ sở dữ liệu.</source>
        <translation>Replace all current data with the backup “{name}” ({when})?

The current data is kept as a file next to the database.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="515"/>
        <source>Không khôi phục.</source>
        <translation>Not restored.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="529"/>
        <source>Đã khôi phục từ {file}.</source>
        <translation>Restored from {file}.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="531"/>
        <source>Dữ liệu trước khi khôi phục được giữ ở {file}.</source>
        <translation>The data before the restore is kept in {file}.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="544"/>
        <source>Số</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="546"/>
        <source>Người thực hiện</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="547"/>
        <source>Thao tác</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="548"/>
        <source>Đối tượng</source>
        <translation>Object</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="549"/>
        <source>Kỳ</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="550"/>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="551"/>
        <source>Trước</source>
        <translation>Before</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="552"/>
        <source>Sau</source>
        <translation>After</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="554"/>
        <source>Các mục nhật ký gần đây</source>
        <translation>Recent audit entries</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="557"/>
        <source>&amp;Kiểm tra tính toàn vẹn</source>
        <translation>&amp;Verify integrity</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="558"/>
        <source>&amp;Tải lại</source>
        <translation>Re&amp;load</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="559"/>
        <source>Bấm «Kiểm tra tính toàn vẹn» để kiểm tra chuỗi băm của nhật ký.</source>
        <translation>Press “Verify integrity” to check the hash chain of the audit trail.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="562"/>
        <source>Kết quả kiểm tra nhật ký</source>
        <translation>Audit verification result</translation>
    </message>
    <message>
        <location filename="../../ui/pages/admin.py" line="597"/>
        <source>Đang kiểm tra…</source>
        <translation>Checking…</translation>
    </message>
</context>
<context>
    <name>AlertsBox</name>
    <message>
        <location filename="../../ui/pages/dashboard_alerts.py" line="43"/>
        <source>Cần xử lý</source>
        <translation>Needs attention</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_alerts.py" line="49"/>
        <source>Bước quá hạn</source>
        <translation>Overdue steps</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_alerts.py" line="53"/>
        <source>Diện cần xem xét theo kết quả xếp loại</source>
        <translation>Flagged by the rating results</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_alerts.py" line="60"/>
        <source>Bước quá hạn ({n})</source>
        <translation>Overdue steps ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_alerts.py" line="62"/>
        <source>Không có bước nào quá hạn.</source>
        <translation>No step is overdue.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_alerts.py" line="64"/>
        <source>Diện cần xem xét</source>
        <translation>Flagged for review</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_alerts.py" line="66"/>
        <source>Chưa có kết quả xếp loại năm.</source>
        <translation>No annual rating yet.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_alerts.py" line="68"/>
        <source>Diện cần xem xét theo xếp loại năm {year} ({n})</source>
        <translation>Flagged by the {year} annual rating ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_alerts.py" line="71"/>
        <source>Không có ai thuộc diện cần xem xét.</source>
        <translation>Nobody is flagged.</translation>
    </message>
</context>
<context>
    <name>AssignmentsPage</name>
    <message>
        <location filename="../../ui/pages/assignments.py" line="59"/>
        <source>Ngày «{text}» không hợp lệ; nhập theo dạng ngày/tháng/năm, ví dụ 31/03/2026.</source>
        <translation>The date “{text}” is not valid; enter it as day/month/year, e.g. 31/03/2026.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assignments.py" line="66"/>
        <location filename="../../ui/pages/assignments.py" line="129"/>
        <source>Sản phẩm</source>
        <translation>Product</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assignments.py" line="68"/>
        <source>Tên sản phẩm</source>
        <translation>Product name</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assignments.py" line="70"/>
        <source>Giao</source>
        <translation>Assigned</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assignments.py" line="72"/>
        <location filename="../../ui/pages/assignments.py" line="161"/>
        <source>Hoàn thành</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assignments.py" line="74"/>
        <source>Vượt</source>
        <translation>Exceeded</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assignments.py" line="76"/>
        <source>Lỗi (miễn)</source>
        <translation>Failures (exempt)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assignments.py" line="78"/>
        <source>Trễ hạn (miễn)</source>
        <translation>Delays (exempt)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assignments.py" line="80"/>
        <source>Hạn</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assignments.py" line="82"/>
        <source>Nguồn</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assignments.py" line="107"/>
        <source>Kỳ đánh giá</source>
        <translation>Evaluation period</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assignments.py" line="110"/>
        <source>Người được giao</source>
        <translation>Assignee</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assignments.py" line="120"/>
        <source>Nhiệm vụ được giao trong kỳ</source>
        <translation>Tasks assigned in the period</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assignments.py" line="125"/>
        <source>Giao sản phẩm</source>
        <translation>Assign a product</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assignments.py" line="130"/>
        <source>Số lượng giao</source>
        <translation>Quantity assigned</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assignments.py" line="130"/>
        <location filename="../../ui/pages/assignments.py" line="378"/>
        <source>ví dụ 10</source>
        <translation>e.g. 10</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assignments.py" line="131"/>
        <source>Hạn hoàn thành</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assignments.py" line="131"/>
        <location filename="../../ui/pages/assignments.py" line="165"/>
        <source>ngày/tháng/năm</source>
        <translation>day/month/year</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assignments.py" line="134"/>
        <source>Nguồn giao việc</source>
        <translation>Source of the assignment</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assignments.py" line="137"/>
        <source>Gia&amp;o</source>
        <translation>Ass&amp;ign</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assignments.py" line="145"/>
        <source>Sản &amp;phẩm:</source>
        <translation>&amp;Product:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assignments.py" line="146"/>
        <source>Số &amp;lượng:</source>
        <translation>&amp;Quantity:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assignments.py" line="147"/>
        <source>&amp;Hạn:</source>
        <translation>&amp;Deadline:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assignments.py" line="148"/>
        <source>Ng&amp;uồn:</source>
        <translation>So&amp;urce:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assignments.py" line="156"/>
        <source>Ghi nhận cho nhiệm vụ đang chọn</source>
        <translation>Record for the selected task</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assignments.py" line="160"/>
        <source>Loại ghi nhận</source>
        <translation>Kind of record</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assignments.py" line="161"/>
        <source>Lỗi chất lượng</source>
        <translation>Quality failure</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assignments.py" line="161"/>
        <source>Trễ hạn</source>
        <translation>Delay</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assignments.py" line="164"/>
        <source>Số lượng hoặc số lần</source>
        <translation>Quantity or count</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assignments.py" line="165"/>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assignments.py" line="166"/>
        <source>&amp;Miễn trừ (nguyên nhân khách quan)</source>
        <translation>E&amp;xempt (objective cause)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assignments.py" line="168"/>
        <source>Miễn trừ</source>
        <translation>Exempt</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assignments.py" line="169"/>
        <source>Người xác nhận miễn trừ</source>
        <translation>Who approved the exemption</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assignments.py" line="170"/>
        <source>Lý do miễn trừ</source>
        <translation>Reason for the exemption</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assignments.py" line="171"/>
        <source>&amp;Ghi nhận</source>
        <translation>&amp;Record</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assignments.py" line="173"/>
        <source>Xoá nh&amp;iệm vụ</source>
        <translation>Remove &amp;task</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assignments.py" line="177"/>
        <source>Các ghi nhận của nhiệm vụ đang chọn</source>
        <translation>Records of the selected task</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assignments.py" line="179"/>
        <source>Xoá ghi nhận đã &amp;chọn</source>
        <translation>Remove selected re&amp;cord</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assignments.py" line="189"/>
        <source>Lo&amp;ại:</source>
        <translation>&amp;Kind:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assignments.py" line="190"/>
        <source>&amp;Số lượng / số lần:</source>
        <translation>Quantit&amp;y / count:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assignments.py" line="191"/>
        <source>Ngà&amp;y:</source>
        <translation>Da&amp;te:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assignments.py" line="193"/>
        <source>Người &amp;xác nhận:</source>
        <translation>Appro&amp;ved by:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assignments.py" line="194"/>
        <source>Lý do miễn t&amp;rừ:</source>
        <translation>Exemption rea&amp;son:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assignments.py" line="212"/>
        <source>&amp;Kỳ:</source>
        <translation>Peri&amp;od:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assignments.py" line="212"/>
        <source>&amp;Người:</source>
        <translation>Perso&amp;n:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assignments.py" line="222"/>
        <source>Giao việc và ghi nhận kết quả</source>
        <translation>Assign work and record results</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assignments.py" line="290"/>
        <source>Chưa có kỳ đánh giá nào.</source>
        <translation>There is no evaluation period yet.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assignments.py" line="292"/>
        <source>{state} · {start} – {end}</source>
        <translation>{state} · {start} – {end}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assignments.py" line="319"/>
        <source> (ngoài vị trí việc làm)</source>
        <translation> (outside the job position)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assignments.py" line="344"/>
        <source>Nhiệm vụ #{id}: {product} — giao {assigned}, hoàn thành {done}.</source>
        <translation>Task #{id}: {product} — assigned {assigned}, completed {done}.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assignments.py" line="348"/>
        <source>Vượt {n} so với số được giao (báo cáo riêng, không cộng vào điểm).</source>
        <translation>{n} above the quantity assigned (reported separately, not added to the score).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assignments.py" line="355"/>
        <source>Hoàn thành {n} ngày {day}</source>
        <translation>Completed {n} on {day}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assignments.py" line="358"/>
        <source>Lỗi chất lượng: {n} lần</source>
        <translation>Quality failures: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assignments.py" line="359"/>
        <source>Trễ hạn: {n} lần</source>
        <translation>Delays: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assignments.py" line="361"/>
        <source> ngày {day}</source>
        <translation> on {day}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assignments.py" line="363"/>
        <source> — miễn trừ ({approver}: {reason})</source>
        <translation> — exempt ({approver}: {reason})</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assignments.py" line="378"/>
        <source>ví dụ 1</source>
        <translation>e.g. 1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assignments.py" line="390"/>
        <source>Hãy chọn kỳ và người được giao.</source>
        <translation>Choose a period and an assignee.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assignments.py" line="394"/>
        <source>Hãy chọn sản phẩm trong danh mục.</source>
        <translation>Choose a product from the catalogue.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assignments.py" line="414"/>
        <location filename="../../ui/pages/assignments.py" line="457"/>
        <source>Hãy chọn một nhiệm vụ trong bảng.</source>
        <translation>Choose a task in the table.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assignments.py" line="421"/>
        <source>Hãy nhập ngày hoàn thành.</source>
        <translation>Enter the completion date.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assignments.py" line="441"/>
        <source>Hãy chọn một ghi nhận trong danh sách.</source>
        <translation>Choose a record in the list.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assignments.py" line="461"/>
        <source>Xoá nhiệm vụ</source>
        <translation>Remove task</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assignments.py" line="462"/>
        <source>Xoá nhiệm vụ «{product}» của {name} cùng mọi ghi nhận hoàn thành, lỗi, trễ hạn?</source>
        <translation>Remove the task “{product}” of {name} with all its completion, failure and delay records?</translation>
    </message>
</context>
<context>
    <name>BodiesPage</name>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="114"/>
        <source>Cơ quan, đơn vị trực thuộc</source>
        <translation>Bodies of the unit</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="115"/>
        <source>Bỏ chọn những cơ quan không có; thêm cơ quan khác nếu cần. Có thể sửa sau trong phần Danh mục.</source>
        <translation>Untick the bodies the unit does not have; add others if needed. This can be changed later under Catalogues.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="119"/>
        <source>Các cơ quan, đơn vị</source>
        <translation>Bodies</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="124"/>
        <source>Mã cơ quan mới</source>
        <translation>New body code</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="128"/>
        <source>Tên cơ quan mới</source>
        <translation>New body name</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="130"/>
        <source>Loại cơ quan mới</source>
        <translation>New body kind</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="133"/>
        <source>&amp;Thêm</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="144"/>
        <source>Thêm cơ quan (mã, tên, loại):</source>
        <translation>Add a body (code, name, kind):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="158"/>
        <source>Hãy nhập cả mã và tên cơ quan.</source>
        <translation>Enter both the code and the name of the body.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="161"/>
        <source>Mã «{code}» đã có trong danh sách.</source>
        <translation>Code “{code}” is already in the list.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="179"/>
        <source>Cần ít nhất một cơ quan, đơn vị.</source>
        <translation>At least one body is needed.</translation>
    </message>
</context>
<context>
    <name>CataloguesPage</name>
    <message>
        <location filename="../../ui/pages/catalogues.py" line="55"/>
        <source>Tìm trong danh mục</source>
        <translation>Search the catalogues</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catalogues.py" line="56"/>
        <source>Tìm theo mã hoặc tên (không cần gõ dấu)…</source>
        <translation>Search by code or name (diacritics optional)…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catalogues.py" line="60"/>
        <location filename="../../ui/pages/catalogues.py" line="68"/>
        <location filename="../../ui/pages/catalogues.py" line="78"/>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catalogues.py" line="61"/>
        <source>Vị trí việc làm</source>
        <translation>Job position</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catalogues.py" line="62"/>
        <location filename="../../ui/pages/catalogues.py" line="71"/>
        <source>Nhóm</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catalogues.py" line="63"/>
        <source>Danh mục khung</source>
        <translation>Framework list</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catalogues.py" line="64"/>
        <source>Có bản mô tả</source>
        <translation>Has description</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catalogues.py" line="65"/>
        <source>Số năng lực</source>
        <translation>Competencies</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catalogues.py" line="69"/>
        <source>Sản phẩm</source>
        <translation>Product</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catalogues.py" line="70"/>
        <source>Đơn vị tính</source>
        <translation>Unit of measure</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catalogues.py" line="72"/>
        <source>Hệ số k</source>
        <translation>Coefficient k</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catalogues.py" line="73"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catalogues.py" line="75"/>
        <source>Áp dụng cho vị trí</source>
        <translation>For positions</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catalogues.py" line="79"/>
        <source>Năng lực</source>
        <translation>Competency</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catalogues.py" line="80"/>
        <source>Loại</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catalogues.py" line="81"/>
        <source>Cấp độ 1 → 5</source>
        <translation>Levels 1 → 5</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catalogues.py" line="86"/>
        <source>Danh mục vị trí việc làm</source>
        <translation>Job position catalogue</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catalogues.py" line="89"/>
        <source>Danh mục sản phẩm</source>
        <translation>Product catalogue</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catalogues.py" line="92"/>
        <source>Khung năng lực</source>
        <translation>Competency framework</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catalogues.py" line="99"/>
        <source>Thêm &amp;vị trí</source>
        <translation>Ne&amp;w position</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catalogues.py" line="101"/>
        <source>X&amp;oá vị trí</source>
        <translation>De&amp;lete position</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catalogues.py" line="106"/>
        <source>Thêm &amp;sản phẩm</source>
        <translation>Ne&amp;w product</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catalogues.py" line="108"/>
        <source>X&amp;oá sản phẩm</source>
        <translation>De&amp;lete product</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catalogues.py" line="112"/>
        <source>&amp;Vị trí việc làm</source>
        <translation>&amp;Job positions</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catalogues.py" line="114"/>
        <source>&amp;Sản phẩm</source>
        <translation>&amp;Products</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catalogues.py" line="115"/>
        <source>&amp;Năng lực</source>
        <translation>&amp;Competencies</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catalogues.py" line="120"/>
        <source>&amp;Nhập từ Excel…</source>
        <translation>&amp;Import from Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catalogues.py" line="123"/>
        <source>&amp;Xuất ra Excel…</source>
        <translation>&amp;Export to Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catalogues.py" line="135"/>
        <source>Danh mục vị trí việc làm, sản phẩm, năng lực</source>
        <translation>Job positions, products and competencies</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catalogues.py" line="210"/>
        <source>{p} vị trí việc làm, {s} sản phẩm, {c} năng lực.</source>
        <translation>{p} job positions, {s} products, {c} competencies.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catalogues.py" line="242"/>
        <source>Thay đổi chưa lưu</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catalogues.py" line="242"/>
        <source>{what} có thay đổi chưa lưu. Bỏ các thay đổi đó?</source>
        <translation>{what} has unsaved changes. Discard them?</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catalogues.py" line="271"/>
        <source>Vị trí việc làm mới</source>
        <translation>The new job position</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catalogues.py" line="272"/>
        <source>Vị trí «{code}»</source>
        <translation>Position “{code}”</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catalogues.py" line="338"/>
        <source>Đã lưu vị trí việc làm {code}.</source>
        <translation>Job position {code} saved.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catalogues.py" line="343"/>
        <source>Xoá vị trí việc làm</source>
        <translation>Delete job position</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catalogues.py" line="344"/>
        <source>Xoá vị trí «{code} — {name}» cùng bản mô tả và khung năng lực của nó?</source>
        <translation>Delete position “{code} — {name}” with its job description and competency framework?</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catalogues.py" line="345"/>
        <source>Đã xoá vị trí việc làm {code}.</source>
        <translation>Job position {code} deleted.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catalogues.py" line="374"/>
        <source>Sản phẩm mới</source>
        <translation>The new product</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catalogues.py" line="375"/>
        <source>Sản phẩm «{code}»</source>
        <translation>Product “{code}”</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catalogues.py" line="429"/>
        <source>Đã lưu sản phẩm {code}.</source>
        <translation>Product {code} saved.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catalogues.py" line="434"/>
        <source>Xoá sản phẩm</source>
        <translation>Delete product</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catalogues.py" line="434"/>
        <source>Xoá sản phẩm «{code} — {name}» khỏi danh mục?</source>
        <translation>Delete product “{code} — {name}” from the catalogue?</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catalogues.py" line="435"/>
        <source>Đã xoá sản phẩm {code}.</source>
        <translation>Product {code} deleted.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catalogues.py" line="440"/>
        <location filename="../../ui/pages/catalogues.py" line="466"/>
        <source>Nhập danh mục</source>
        <translation>Import catalogue</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catalogues.py" line="441"/>
        <location filename="../../ui/pages/catalogues.py" line="471"/>
        <source>Bảng tính Excel (*.xlsx);;JSON (*.json)</source>
        <translation>Excel workbook (*.xlsx);;JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catalogues.py" line="447"/>
        <source>Đang đọc và kiểm tra {name}…</source>
        <translation>Reading and checking {name}…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catalogues.py" line="453"/>
        <source>Đã nhập {name}: thêm {c}, cập nhật {u}. {notes}</source>
        <translation>Imported {name}: {c} added, {u} updated. {notes}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catalogues.py" line="460"/>
        <source>Không nhập được danh mục</source>
        <translation>The catalogue could not be imported</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catalogues.py" line="470"/>
        <location filename="../../ui/pages/catalogues.py" line="491"/>
        <source>Xuất danh mục</source>
        <translation>Export catalogue</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catalogues.py" line="479"/>
        <source>Đang ghi {name}…</source>
        <translation>Writing {name}…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catalogues.py" line="483"/>
        <source>Đã xuất {p} vị trí, {s} sản phẩm, {c} năng lực ra {path}.</source>
        <translation>Exported {p} positions, {s} products, {c} competencies to {path}.</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="115"/>
        <source>Kỳ hiện tại</source>
        <translation>Current period</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="121"/>
        <source>Tiến độ phê duyệt phiếu trong kỳ</source>
        <translation>Approval progress of the period</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="122"/>
        <source>%v/%m phiếu đã duyệt</source>
        <translation>%v/%m forms approved</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="126"/>
        <source>Chưa nộp phiếu</source>
        <translation>Not submitted</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="127"/>
        <source>Chờ lãnh đạo đánh giá</source>
        <translation>Awaiting the head’s review</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="128"/>
        <source>Nhắc hạn (quá hạn và sắp đến hạn)</source>
        <translation>Reminders (overdue and due soon)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="130"/>
        <source>Mức xếp loại theo cơ quan (kỳ hiện tại)</source>
        <translation>Levels by body (current period)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="133"/>
        <source>Điểm bình quân theo cơ quan (kỳ hiện tại)</source>
        <translation>Mean score by body (current period)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="136"/>
        <source>Xếp loại năm</source>
        <translation>Annual rating</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="137"/>
        <source>Không xếp loại</source>
        <translation>Not rated</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="141"/>
        <source>Chưa có số liệu.</source>
        <translation>No data yet.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="155"/>
        <source>Tổng quan</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="210"/>
        <source>{unit} · {n} người đang công tác</source>
        <translation>{unit} · {n} people in post</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="213"/>
        <source>Chưa có kỳ đánh giá. Cán bộ tổ chức mở kỳ ở trang Kỳ đánh giá.</source>
        <translation>No evaluation period yet. The personnel clerk opens one on the Periods page.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="220"/>
        <source>Kỳ {code} ({start} – {end}): {approved} phiếu đã duyệt / {total}.</source>
        <translation>Period {code} ({start} – {end}): {approved} of {total} forms approved.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="226"/>
        <source>Mọi người đã nộp.</source>
        <translation>Everyone has submitted.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="227"/>
        <source>Không có phiếu chờ đánh giá.</source>
        <translation>No forms awaiting review.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="228"/>
        <source>Không có việc quá hạn.</source>
        <translation>Nothing overdue.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="234"/>
        <source>(khác)</source>
        <translation>(other)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="244"/>
        <source>Xếp loại năm {year}</source>
        <translation>Annual rating {year}</translation>
    </message>
</context>
<context>
    <name>EvaluationForm</name>
    <message>
        <location filename="../../ui/pages/periods.py" line="54"/>
        <source>d — Mọi công chức thuộc quyền đạt mức Hoàn thành trở lên</source>
        <translation>d — Every subordinate reached “Completed” or better</translation>
    </message>
    <message>
        <location filename="../../ui/pages/periods.py" line="56"/>
        <source>đ — Tổ chức thực hiện đúng kế hoạch, bảo đảm chất lượng</source>
        <translation>đ — Work organised on plan and with quality</translation>
    </message>
    <message>
        <location filename="../../ui/pages/periods.py" line="57"/>
        <source>e — Tập hợp, đoàn kết được công chức</source>
        <translation>e — Staff rallied and united</translation>
    </message>
    <message>
        <location filename="../../ui/pages/periods.py" line="59"/>
        <source>a (số lượng)</source>
        <translation>a (quantity)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/periods.py" line="60"/>
        <source>b (chất lượng)</source>
        <translation>b (quality)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/periods.py" line="61"/>
        <source>c (tiến độ)</source>
        <translation>c (timeliness)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/periods.py" line="62"/>
        <source>Điểm kết quả (≤ 70)</source>
        <translation>Task points (≤ 70)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/periods.py" line="63"/>
        <source>Điểm tiêu chí chung (≤ 30)</source>
        <translation>General points (≤ 30)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/periods.py" line="64"/>
        <source>Tổng điểm</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../ui/pages/periods.py" line="84"/>
        <source>I. Tiêu chí chung (tối đa 30 điểm)</source>
        <translation>I. General criteria (at most 30 points)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/periods.py" line="86"/>
        <source>Tiêu chí</source>
        <translation>Criterion</translation>
    </message>
    <message>
        <location filename="../../ui/pages/periods.py" line="86"/>
        <source>Tối đa</source>
        <translation>Maximum</translation>
    </message>
    <message>
        <location filename="../../ui/pages/periods.py" line="86"/>
        <source>Tự chấm</source>
        <translation>Self</translation>
    </message>
    <message>
        <location filename="../../ui/pages/periods.py" line="87"/>
        <source>Lãnh đạo chấm</source>
        <translation>Head</translation>
    </message>
    <message>
        <location filename="../../ui/pages/periods.py" line="93"/>
        <source>Phần dành cho lãnh đạo, quản lý (d, đ, e)</source>
        <translation>For leaders and managers (d, đ, e)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/periods.py" line="106"/>
        <source>Sản phẩm được giao trong kỳ</source>
        <translation>Products assigned in the period</translation>
    </message>
    <message>
        <location filename="../../ui/pages/periods.py" line="107"/>
        <source>Sản phẩm</source>
        <translation>Product</translation>
    </message>
    <message>
        <location filename="../../ui/pages/periods.py" line="107"/>
        <source>Giao</source>
        <translation>Assigned</translation>
    </message>
    <message>
        <location filename="../../ui/pages/periods.py" line="107"/>
        <source>Hoàn thành</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../ui/pages/periods.py" line="108"/>
        <source>Trễ hạn</source>
        <translation>Delays</translation>
    </message>
    <message>
        <location filename="../../ui/pages/periods.py" line="108"/>
        <source>Lỗi</source>
        <translation>Failures</translation>
    </message>
    <message>
        <location filename="../../ui/pages/periods.py" line="108"/>
        <location filename="../../ui/pages/periods.py" line="109"/>
        <source>Miễn</source>
        <translation>Exempt</translation>
    </message>
    <message>
        <location filename="../../ui/pages/periods.py" line="117"/>
        <source>II. Kết quả (tính theo quy định, cập nhật khi nhập)</source>
        <translation>II. Result (computed by the rules, updated as you type)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/periods.py" line="129"/>
        <source>Mức xếp loại:</source>
        <translation>Level:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/periods.py" line="136"/>
        <source>Ưu điểm</source>
        <translation>Strengths</translation>
    </message>
    <message>
        <location filename="../../ui/pages/periods.py" line="140"/>
        <source>Hạn chế, khuyết điểm</source>
        <translation>Weaknesses</translation>
    </message>
    <message>
        <location filename="../../ui/pages/periods.py" line="144"/>
        <source>Nhận xét của lãnh đạo</source>
        <translation>Head’s comment</translation>
    </message>
    <message>
        <location filename="../../ui/pages/periods.py" line="148"/>
        <source>Lý do điều chỉnh điểm</source>
        <translation>Reason for the adjustment</translation>
    </message>
    <message>
        <location filename="../../ui/pages/periods.py" line="153"/>
        <source>Ư&amp;u điểm:</source>
        <translation>&amp;Strengths:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/periods.py" line="154"/>
        <source>&amp;Hạn chế:</source>
        <translation>&amp;Weaknesses:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/periods.py" line="155"/>
        <source>Nhận &amp;xét của lãnh đạo:</source>
        <translation>Head’s &amp;comment:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/periods.py" line="156"/>
        <source>Lý do đ&amp;iều chỉnh:</source>
        <translation>Adjustment &amp;reason:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/periods.py" line="159"/>
        <source>&amp;Lưu nháp</source>
        <translation>&amp;Save draft</translation>
    </message>
    <message>
        <location filename="../../ui/pages/periods.py" line="161"/>
        <source>&amp;Nộp phiếu</source>
        <translation>S&amp;ubmit</translation>
    </message>
    <message>
        <location filename="../../ui/pages/periods.py" line="163"/>
        <source>&amp;Ghi nhận xét, điều chỉnh</source>
        <translation>&amp;Record review</translation>
    </message>
    <message>
        <location filename="../../ui/pages/periods.py" line="165"/>
        <source>&amp;Trả lại</source>
        <translation>Re&amp;turn</translation>
    </message>
    <message>
        <location filename="../../ui/pages/periods.py" line="167"/>
        <source>&amp;Phê duyệt</source>
        <translation>&amp;Approve</translation>
    </message>
    <message>
        <location filename="../../ui/pages/periods.py" line="227"/>
        <source>Tự chấm tiêu chí {key}</source>
        <translation>Self points, criterion {key}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/periods.py" line="231"/>
        <source>Lãnh đạo chấm tiêu chí {key}</source>
        <translation>Head’s points, criterion {key}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/periods.py" line="260"/>
        <source>Phiếu đánh giá (Mẫu 01) — {name} — kỳ {period}</source>
        <translation>Evaluation form (Form 01) — {name} — period {period}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/periods.py" line="263"/>
        <source>Trạng thái phiếu: {state}. Kỳ: {pstate}.</source>
        <translation>Form: {state}. Period: {pstate}.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/periods.py" line="264"/>
        <source>chưa lập</source>
        <translation>not started</translation>
    </message>
    <message>
        <location filename="../../ui/pages/periods.py" line="290"/>
        <source>Phiếu bị trả lại: {reason}</source>
        <translation>Form returned: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/periods.py" line="292"/>
        <source>Quy tắc tính: {rid} (sha256 {sha}…), bộ máy tính {ver}.</source>
        <translation>Rules: {rid} (sha256 {sha}…), engine {ver}.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/periods.py" line="326"/>
        <source>Kỳ đã khoá: phiếu chỉ để xem.</source>
        <translation>The period is locked: the form is read-only.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/periods.py" line="344"/>
        <location filename="../../ui/pages/periods.py" line="420"/>
        <source>«{text}» không phải là số.</source>
        <translation>“{text}” is not a number.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/periods.py" line="408"/>
        <source>Đã nộp phiếu.</source>
        <translation>Form submitted.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/periods.py" line="408"/>
        <source>Đã lưu nháp.</source>
        <translation>Draft saved.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/periods.py" line="426"/>
        <source>Điều chỉnh điểm phải ghi lý do.</source>
        <translation>An adjustment needs a reason.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/periods.py" line="438"/>
        <source>Đã ghi nhận xét.</source>
        <translation>Review recorded.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/periods.py" line="446"/>
        <source>Trả lại phiếu</source>
        <translation>Return the form</translation>
    </message>
    <message>
        <location filename="../../ui/pages/periods.py" line="446"/>
        <source>Lý do trả lại:</source>
        <translation>Reason for returning:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/periods.py" line="470"/>
        <source>Đã phê duyệt.</source>
        <translation>Approved.</translation>
    </message>
</context>
<context>
    <name>FieldMessage</name>
    <message>
        <location filename="../../ui/widgets/fields.py" line="23"/>
        <source>Lỗi: {field}</source>
        <translation>Error: {field}</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="248"/>
        <source>Thiết lập lần đầu — KPI Desktop</source>
        <translation>First-time set-up — KPI Desktop</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/dialogs/login.py" line="27"/>
        <source>Đăng nhập — KPI Desktop</source>
        <translation>Log in — KPI Desktop</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="32"/>
        <source>Đăng nhập bằng tài khoản trên máy này</source>
        <translation>Log in with an account on this computer</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="40"/>
        <source>Tên đăng nhập</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="44"/>
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="45"/>
        <source>&amp;Tên đăng nhập:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="46"/>
        <source>&amp;Mật khẩu:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="52"/>
        <source>Thông báo lỗi đăng nhập</source>
        <translation>Login error message</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="57"/>
        <source>Đăng &amp;nhập</source>
        <translation>&amp;Log in</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="66"/>
        <source>Đang mở cơ sở dữ liệu…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="76"/>
        <source>Hãy nhập tên đăng nhập.</source>
        <translation>Enter a user name.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="40"/>
        <source>KPI Desktop — Đánh giá, xếp loại theo KPI</source>
        <translation>KPI Desktop — KPI evaluation and rating</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="46"/>
        <source>Danh sách trang</source>
        <translation>Pages</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="64"/>
        <source>Người dùng: {name} ({role})</source>
        <translation>User: {name} ({role})</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="68"/>
        <source>Đang mở cơ sở dữ liệu…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="80"/>
        <source>Cơ sở dữ liệu: {path}</source>
        <translation>Database: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="83"/>
        <source>&amp;Tệp</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="84"/>
        <source>Đăng &amp;xuất</source>
        <translation>Log &amp;out</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="87"/>
        <source>&amp;Thoát</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="93"/>
        <source>Trang</source>
        <translation>Go</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="102"/>
        <source>&amp;Danh mục</source>
        <translation>&amp;Catalogues</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="103"/>
        <source>&amp;Nhập danh mục từ Excel…</source>
        <translation>&amp;Import catalogue from Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="106"/>
        <source>&amp;Xuất danh mục ra Excel…</source>
        <translation>&amp;Export catalogue to Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="113"/>
        <source>Trợ &amp;giúp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="114"/>
        <source>&amp;Giới thiệu</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="167"/>
        <source>Giới thiệu</source>
        <translation>About</translation>
    </message>
</context>
<context>
    <name>PeopleListWidget</name>
    <message>
        <location filename="../../ui/pages/people_list.py" line="59"/>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people_list.py" line="61"/>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people_list.py" line="62"/>
        <source>Cơ quan, đơn vị</source>
        <translation>Body</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people_list.py" line="63"/>
        <source>Vị trí việc làm</source>
        <translation>Job position</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people_list.py" line="64"/>
        <source>Đối tượng</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people_list.py" line="81"/>
        <source>Tìm theo tên, mã hoặc vị trí (không cần gõ dấu)…</source>
        <translation>Search by name, code or position (diacritics optional)…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people_list.py" line="82"/>
        <source>Tìm cán bộ</source>
        <translation>Search people</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people_list.py" line="84"/>
        <source>Lọc theo cơ quan, đơn vị</source>
        <translation>Filter by body</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people_list.py" line="85"/>
        <source>Lọc theo vị trí việc làm</source>
        <translation>Filter by job position</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people_list.py" line="86"/>
        <source>Lọc theo đối tượng</source>
        <translation>Filter by category</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people_list.py" line="89"/>
        <source>Danh sách cán bộ, công chức, viên chức</source>
        <translation>List of officials, civil servants and public employees</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people_list.py" line="94"/>
        <source>&amp;Tìm:</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people_list.py" line="182"/>
        <source>Mọi cơ quan, đơn vị</source>
        <translation>All bodies</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people_list.py" line="183"/>
        <source>Mọi vị trí việc làm</source>
        <translation>All job positions</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people_list.py" line="184"/>
        <source>Mọi đối tượng</source>
        <translation>All categories</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people_list.py" line="199"/>
        <source>Hiển thị {shown} / {total} người</source>
        <translation>Showing {shown} of {total} people</translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <location filename="../../ui/pages/people.py" line="157"/>
        <source>Cán bộ, công chức, viên chức</source>
        <translation>Officials, civil servants and public employees</translation>
    </message>
</context>
<context>
    <name>PeriodsPage</name>
    <message>
        <location filename="../../ui/pages/periods.py" line="481"/>
        <location filename="../../ui/pages/periods.py" line="528"/>
        <source>Kỳ đánh giá</source>
        <translation>Evaluation periods</translation>
    </message>
    <message>
        <location filename="../../ui/pages/periods.py" line="485"/>
        <source>Mở &amp;kỳ mới…</source>
        <translation>Open a new &amp;period…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/periods.py" line="487"/>
        <source>&amp;Khoá kỳ</source>
        <translation>&amp;Lock period</translation>
    </message>
    <message>
        <location filename="../../ui/pages/periods.py" line="489"/>
        <source>Mở &amp;lại kỳ…</source>
        <translation>Re&amp;open period…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/periods.py" line="491"/>
        <source>Phiếu của &amp;tôi</source>
        <translation>&amp;My form</translation>
    </message>
    <message>
        <location filename="../../ui/pages/periods.py" line="496"/>
        <source>Xuất &amp;PDF cả kỳ…</source>
        <translation>Export the period as &amp;PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/periods.py" line="503"/>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../ui/pages/periods.py" line="504"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/pages/periods.py" line="505"/>
        <source>Tự chấm</source>
        <translation>Self</translation>
    </message>
    <message>
        <location filename="../../ui/pages/periods.py" line="506"/>
        <source>Điểm</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../ui/pages/periods.py" line="507"/>
        <source>Mức</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../ui/pages/periods.py" line="509"/>
        <source>Phiếu đánh giá trong kỳ</source>
        <translation>Forms in the period</translation>
    </message>
    <message>
        <location filename="../../ui/pages/periods.py" line="520"/>
        <source>&amp;Kỳ:</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/periods.py" line="568"/>
        <source>Chưa có kỳ đánh giá nào.</source>
        <translation>No evaluation period yet.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/periods.py" line="571"/>
        <source>{state} · {start} – {end} · {approved}/{n} phiếu đã duyệt</source>
        <translation>{state} · {start} – {end} · {approved}/{n} forms approved</translation>
    </message>
    <message>
        <location filename="../../ui/pages/periods.py" line="620"/>
        <source>Mở kỳ đánh giá</source>
        <translation>Open an evaluation period</translation>
    </message>
    <message>
        <location filename="../../ui/pages/periods.py" line="621"/>
        <source>Mã kỳ (ví dụ 2026-Q3 cho quý, 2026-M07 cho tháng):</source>
        <translation>Period code (e.g. 2026-Q3 for a quarter, 2026-M07 for a month):</translation>
    </message>
    <message>
        <location filename="../../ui/pages/periods.py" line="652"/>
        <source>Mở lại kỳ</source>
        <translation>Reopen the period</translation>
    </message>
    <message>
        <location filename="../../ui/pages/periods.py" line="652"/>
        <source>Lý do mở lại (bắt buộc):</source>
        <translation>Reason for reopening (required):</translation>
    </message>
</context>
<context>
    <name>PersonDetail</name>
    <message>
        <location filename="../../ui/pages/people.py" line="63"/>
        <source>Mã cán bộ:</source>
        <translation>Staff code:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people.py" line="63"/>
        <source>Đối tượng:</source>
        <translation>Category:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people.py" line="64"/>
        <source>Cơ quan, đơn vị:</source>
        <translation>Body:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people.py" line="64"/>
        <source>Chức vụ:</source>
        <translation>Title:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people.py" line="65"/>
        <source>Ngạch, hạng:</source>
        <translation>Grade:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people.py" line="65"/>
        <source>Bậc, hệ số lương:</source>
        <translation>Salary step, coefficient:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people.py" line="66"/>
        <source>Ngày sinh:</source>
        <translation>Date of birth:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people.py" line="66"/>
        <source>Đảng viên:</source>
        <translation>Party member:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people.py" line="67"/>
        <source>Số định danh cá nhân:</source>
        <translation>Citizen ID:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people.py" line="67"/>
        <source>Nhóm nhiệm vụ tương đồng:</source>
        <translation>Group of similar tasks:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people.py" line="73"/>
        <source>Thông tin chung</source>
        <translation>General</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people.py" line="74"/>
        <location filename="../../ui/pages/people.py" line="87"/>
        <source>Loại</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people.py" line="74"/>
        <source>Nội dung</source>
        <translation>Content</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people.py" line="74"/>
        <location filename="../../ui/pages/people.py" line="78"/>
        <source>Từ ngày</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people.py" line="75"/>
        <location filename="../../ui/pages/people.py" line="78"/>
        <source>Đến ngày</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people.py" line="75"/>
        <location filename="../../ui/pages/people.py" line="79"/>
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people.py" line="76"/>
        <location filename="../../ui/pages/people.py" line="77"/>
        <source>Vị trí, chức vụ</source>
        <translation>Positions and titles</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people.py" line="78"/>
        <source>Loại nghỉ</source>
        <translation>Leave kind</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people.py" line="80"/>
        <location filename="../../ui/pages/people.py" line="81"/>
        <source>Nghỉ</source>
        <translation>Leave</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people.py" line="82"/>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people.py" line="82"/>
        <source>Từ đơn vị</source>
        <translation>From unit</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people.py" line="82"/>
        <source>Đến đơn vị</source>
        <translation>To unit</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people.py" line="83"/>
        <source>Quyết định</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people.py" line="83"/>
        <source>Điểm chuyển theo</source>
        <translation>Scores carried</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people.py" line="84"/>
        <location filename="../../ui/pages/people.py" line="85"/>
        <source>Điều động</source>
        <translation>Transfers</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people.py" line="86"/>
        <source>Ngày quyết định</source>
        <translation>Decision date</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people.py" line="86"/>
        <source>Hình thức</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people.py" line="87"/>
        <source>Năm đã áp dụng</source>
        <translation>Year applied</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people.py" line="87"/>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people.py" line="88"/>
        <location filename="../../ui/pages/people.py" line="89"/>
        <source>Kỷ luật</source>
        <translation>Discipline</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people.py" line="90"/>
        <source>Năng lực</source>
        <translation>Competency</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people.py" line="90"/>
        <source>Cấp độ yêu cầu</source>
        <translation>Required level</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people.py" line="90"/>
        <source>Cấp độ hiện có</source>
        <translation>Current level</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people.py" line="91"/>
        <source>Thiếu</source>
        <translation>Gap</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people.py" line="91"/>
        <source>Vị trí</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people.py" line="92"/>
        <location filename="../../ui/pages/people.py" line="93"/>
        <source>Khoảng trống năng lực</source>
        <translation>Competency gaps</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people.py" line="119"/>
        <source>Có</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people.py" line="119"/>
        <source>Không</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people.py" line="132"/>
        <source>chưa đánh giá</source>
        <translation>not assessed</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people.py" line="135"/>
        <source>Khoảng trống năng lực ({n})</source>
        <translation>Competency gaps ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people.py" line="141"/>
        <source>Chức vụ</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people.py" line="142"/>
        <source>Vị trí việc làm</source>
        <translation>Job position</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people.py" line="143"/>
        <source>Công tác</source>
        <translation>Employment</translation>
    </message>
</context>
<context>
    <name>PlacePage</name>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="34"/>
        <source>Đơn vị sử dụng</source>
        <translation>The unit</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="35"/>
        <source>Chọn xã, phường, đặc khu mà cơ sở dữ liệu này phục vụ (theo danh mục đơn vị hành chính sau sắp xếp năm 2025).</source>
        <translation>Choose the commune, ward or special zone this database serves (official list after the 2025 reorganisation).</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="39"/>
        <source>Mã xã, phường chính thức</source>
        <translation>Official commune/ward code</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="40"/>
        <source>ví dụ 22366</source>
        <translation>e.g. 22366</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="44"/>
        <source>Tỉnh, thành phố</source>
        <translation>Province or city</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="47"/>
        <source>Xã, phường, đặc khu</source>
        <translation>Commune, ward or special zone</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="52"/>
        <source>&amp;Mã đơn vị hành chính:</source>
        <translation>Official &amp;code:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="54"/>
        <source>&amp;Tỉnh, thành phố:</source>
        <translation>&amp;Province or city:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="55"/>
        <source>&amp;Xã, phường, đặc khu:</source>
        <translation>Co&amp;mmune, ward or zone:</translation>
    </message>
</context>
<context>
    <name>PositionEditor</name>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="80"/>
        <source>Vị trí việc làm đang chọn</source>
        <translation>Selected job position</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="93"/>
        <source>Thông tin &amp;chung</source>
        <translation>&amp;General</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="94"/>
        <source>&amp;Bản mô tả</source>
        <translation>Job &amp;description</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="95"/>
        <source>N&amp;hiệm vụ</source>
        <translation>&amp;Tasks</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="96"/>
        <source>&amp;Khung năng lực</source>
        <translation>Competency &amp;framework</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="98"/>
        <source>Lưu thành &amp;phiên bản mới, hiệu lực từ</source>
        <translation>Save as a new &amp;version, effective from</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="101"/>
        <source>Không chọn: đính chính phiên bản hiện tại (nội dung cũ vẫn được giữ trong lịch sử). Chọn: tạo phiên bản mới; bản mô tả cũ được giữ nguyên bên cạnh.</source>
        <translation>Unchecked: correct the current version (the old content is kept in the history). Checked: create a new version; the old job description is kept beside it.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="105"/>
        <source>Ngày hiệu lực của phiên bản mới</source>
        <translation>Effective date of the new version</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="116"/>
        <source>&amp;Lưu</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="118"/>
        <source>Lưu các thay đổi (Ctrl+S)</source>
        <translation>Save the changes (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="119"/>
        <source>&amp;Bỏ thay đổi</source>
        <translation>Disca&amp;rd changes</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="121"/>
        <source>Trở về nội dung đã lưu (Esc)</source>
        <translation>Back to what is saved (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="124"/>
        <source>Lỗi khi lưu vị trí việc làm</source>
        <translation>Error saving the job position</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="175"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="192"/>
        <source>Mã vị trí</source>
        <translation>Position code</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="193"/>
        <source>Tên vị trí việc làm</source>
        <translation>Job position name</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="194"/>
        <source>Nhóm vị trí</source>
        <translation>Position group</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="195"/>
        <source>Đối tượng</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="197"/>
        <source>Lĩnh vực</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="198"/>
        <source>Danh mục khung</source>
        <translation>Framework list</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="200"/>
        <source>Số thứ tự trong danh mục</source>
        <translation>Number in the list</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="202"/>
        <source>Bậc thấp nhất</source>
        <translation>Lowest career step</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="203"/>
        <source>Bậc cao nhất</source>
        <translation>Highest career step</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="204"/>
        <source>Đang &amp;dùng</source>
        <translation>&amp;Active (in use)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="207"/>
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="213"/>
        <source>đến</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="217"/>
        <source>&amp;Mã:</source>
        <translation>C&amp;ode:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="219"/>
        <source>&amp;Tên:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="221"/>
        <source>&amp;Nhóm:</source>
        <translation>Gro&amp;up:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="222"/>
        <source>Đối &amp;tượng:</source>
        <translation>Categor&amp;y:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="223"/>
        <source>&amp;Lĩnh vực:</source>
        <translation>Field:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="224"/>
        <source>Danh mục &amp;khung:</source>
        <translation>Framewor&amp;k list:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="225"/>
        <source>Số thứ tự trong danh &amp;mục:</source>
        <translation>Nu&amp;mber in the list:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="226"/>
        <source>&amp;Bậc (thấp nhất, cao nhất):</source>
        <translation>Career steps (lowest, &amp;highest):</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="229"/>
        <source>&amp;Ghi chú:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="239"/>
        <source>Mục tiêu của vị trí</source>
        <translation>Objective of the position</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="240"/>
        <source>Mối quan hệ công việc</source>
        <translation>Working relations</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="241"/>
        <source>Phạm vi quyền hạn</source>
        <translation>Scope of authority</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="242"/>
        <source>Yêu cầu trình độ, năng lực</source>
        <translation>Qualifications and competencies required</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="243"/>
        <source>Điều kiện làm việc</source>
        <translation>Working conditions</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="251"/>
        <source>&amp;Mục tiêu:</source>
        <translation>&amp;Objective:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="253"/>
        <source>Mối &amp;quan hệ công việc:</source>
        <translation>Wor&amp;king relations:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="255"/>
        <source>&amp;Phạm vi quyền hạn:</source>
        <translation>Scope of &amp;authority:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="257"/>
        <source>&amp;Yêu cầu trình độ, năng lực:</source>
        <translation>&amp;Qualifications, competencies:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="259"/>
        <source>Điều &amp;kiện làm việc:</source>
        <translation>Working co&amp;nditions:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="284"/>
        <source>Chuyên môn</source>
        <translation>Professional</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="284"/>
        <source>Quản lý</source>
        <translation>Management</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="284"/>
        <source>Hỗ trợ</source>
        <translation>Support</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="286"/>
        <source>STT</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="287"/>
        <source>Loại</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="288"/>
        <source>Công việc</source>
        <translation>Task</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="289"/>
        <source>Sản phẩm đầu ra</source>
        <translation>Output products</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="290"/>
        <source>Tiêu chí đánh giá</source>
        <translation>Evaluation criteria</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="291"/>
        <source>Bậc</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="293"/>
        <source>Nhiệm vụ của vị trí</source>
        <translation>Tasks of the position</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="295"/>
        <source>Thêm nhiệ&amp;m vụ</source>
        <translation>Add t&amp;ask</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="297"/>
        <source>&amp;Xoá nhiệm vụ đã chọn</source>
        <translation>Remove the selected tas&amp;k</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="305"/>
        <source>Nhấn đúp hoặc F2 để sửa một ô; Enter để ghi, Esc để thôi.</source>
        <translation>Double-click or press F2 to edit a cell; Enter keeps the text, Esc cancels.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="325"/>
        <source>(không còn trong danh mục năng lực)</source>
        <translation>(no longer in the competency catalogue)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="332"/>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="333"/>
        <source>Năng lực</source>
        <translation>Competency</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="334"/>
        <source>Cấp độ yêu cầu</source>
        <translation>Required level</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="335"/>
        <source>Biểu hiện ở cấp độ đó</source>
        <translation>What that level looks like</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="337"/>
        <source>Khung năng lực của vị trí</source>
        <translation>Competency framework of the position</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="346"/>
        <source>Năng lực để thêm vào khung</source>
        <translation>Competency to add to the framework</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="349"/>
        <source>Cấp độ yêu cầu của năng lực thêm vào</source>
        <translation>Required level of the competency to add</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="352"/>
        <source>&amp;Thêm vào khung</source>
        <translation>&amp;Add to the framework</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="354"/>
        <source>Bỏ năng lực đã &amp;chọn</source>
        <translation>Remove the selected competenc&amp;y</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="359"/>
        <source>&amp;Năng lực:</source>
        <translation>Co&amp;mpetency:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="363"/>
        <source>cấp độ</source>
        <translation>level</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="444"/>
        <source>Vị trí việc làm mới: nhập mã, tên và các mục cần thiết rồi bấm Lưu.</source>
        <translation>New job position: enter the code, the name and what else is needed, then press Save.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="445"/>
        <source>Bản mô tả mới.</source>
        <translation>New job description.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="448"/>
        <source>{code}: phiên bản {version}, hiệu lực từ {date}</source>
        <translation>{code}: version {version}, effective from {date}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="449"/>
        <source>{code}: phiên bản {version}</source>
        <translation>{code}: version {version}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="452"/>
        <source>Bản mô tả phiên bản {version}.</source>
        <translation>Job description, version {version}.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="455"/>
        <source>Vị trí này chưa có bản mô tả; nhập mục tiêu để tạo.</source>
        <translation>This position has no job description yet; enter an objective to create one.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="564"/>
        <source>Hãy nhập mã vị trí (ví dụ XA-CM-20).</source>
        <translation>Enter a position code (for example XA-CM-20).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="566"/>
        <source>Mã vị trí không được có dấu cách.</source>
        <translation>A position code cannot contain spaces.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="568"/>
        <source>Mã «{code}» đã có trong danh mục; hãy chọn mã khác.</source>
        <translation>Code “{code}” is already in the catalogue; choose another code.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="571"/>
        <source>Tên vị trí việc làm không được để trống.</source>
        <translation>The job position name cannot be empty.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="574"/>
        <source>Bậc cao nhất ({hi}) nhỏ hơn bậc thấp nhất ({lo}).</source>
        <translation>The highest career step ({hi}) is lower than the lowest ({lo}).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="578"/>
        <source>Phiên bản mới phải có hiệu lực sau ngày {date} của phiên bản hiện tại.</source>
        <translation>The new version must take effect after {date}, the date of the current version.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="581"/>
        <source>Bản mô tả cần có mục tiêu của vị trí.</source>
        <translation>The job description needs the objective of the position.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="590"/>
        <source>Năng lực «{code}»: cấp độ yêu cầu phải từ 1 đến 5.</source>
        <translation>Competency “{code}”: the required level must be from 1 to 5.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="602"/>
        <source>Nhiệm vụ số {seq}: chưa nhập nội dung công việc.</source>
        <translation>Task no. {seq}: the task itself has not been entered.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/position_editor.py" line="604"/>
        <source>Số thứ tự {seq} bị trùng; mỗi nhiệm vụ một số.</source>
        <translation>Number {seq} is used twice; each task needs its own number.</translation>
    </message>
</context>
<context>
    <name>ProductEditor</name>
    <message>
        <location filename="../../ui/pages/product_editor.py" line="44"/>
        <location filename="../../ui/pages/product_editor.py" line="147"/>
        <source>Sản phẩm đang chọn</source>
        <translation>Selected product</translation>
    </message>
    <message>
        <location filename="../../ui/pages/product_editor.py" line="50"/>
        <source>Mã sản phẩm</source>
        <translation>Product code</translation>
    </message>
    <message>
        <location filename="../../ui/pages/product_editor.py" line="54"/>
        <source>Tên sản phẩm</source>
        <translation>Product name</translation>
    </message>
    <message>
        <location filename="../../ui/pages/product_editor.py" line="57"/>
        <source>Đơn vị tính</source>
        <translation>Unit of measure</translation>
    </message>
    <message>
        <location filename="../../ui/pages/product_editor.py" line="60"/>
        <source>Nhóm độ phức tạp</source>
        <translation>Complexity group</translation>
    </message>
    <message>
        <location filename="../../ui/pages/product_editor.py" line="65"/>
        <source>Hệ số k</source>
        <translation>Coefficient k</translation>
    </message>
    <message>
        <location filename="../../ui/pages/product_editor.py" line="68"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/pages/product_editor.py" line="71"/>
        <source>Đang dùng</source>
        <translation>In use</translation>
    </message>
    <message>
        <location filename="../../ui/pages/product_editor.py" line="75"/>
        <source>Vị trí việc làm áp dụng sản phẩm</source>
        <translation>Job positions the product applies to</translation>
    </message>
    <message>
        <location filename="../../ui/pages/product_editor.py" line="76"/>
        <source>Đánh dấu các vị trí việc làm được giao sản phẩm này (phím cách để chọn).</source>
        <translation>Tick the job positions that are assigned this product (space ticks).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/product_editor.py" line="82"/>
        <source>&amp;Lưu</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../ui/pages/product_editor.py" line="84"/>
        <source>&amp;Bỏ thay đổi</source>
        <translation>&amp;Discard changes</translation>
    </message>
    <message>
        <location filename="../../ui/pages/product_editor.py" line="87"/>
        <source>&amp;Mã:</source>
        <translation>C&amp;ode:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/product_editor.py" line="89"/>
        <source>&amp;Tên:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/product_editor.py" line="91"/>
        <source>Đơn vị &amp;tính:</source>
        <translation>&amp;Unit of measure:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/product_editor.py" line="93"/>
        <source>&amp;Nhóm độ phức tạp:</source>
        <translation>Complexity &amp;group:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/product_editor.py" line="94"/>
        <source>Hệ số &amp;k:</source>
        <translation>Coefficient &amp;k:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/product_editor.py" line="96"/>
        <source>T&amp;rạng thái:</source>
        <translation>S&amp;tatus:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/product_editor.py" line="98"/>
        <source>Áp &amp;dụng cho vị trí:</source>
        <translation>&amp;Applies to positions:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/product_editor.py" line="147"/>
        <source>Sản phẩm mới</source>
        <translation>New product</translation>
    </message>
    <message>
        <location filename="../../ui/pages/product_editor.py" line="207"/>
        <source>Hãy nhập mã sản phẩm (ví dụ VB-20).</source>
        <translation>Enter a product code (for example VB-20).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/product_editor.py" line="210"/>
        <source>Mã sản phẩm không được có dấu cách.</source>
        <translation>A product code cannot contain spaces.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/product_editor.py" line="214"/>
        <source>Mã «{code}» đã có trong danh mục; hãy chọn mã khác.</source>
        <translation>Code “{code}” is already in the catalogue; choose another code.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/product_editor.py" line="217"/>
        <source>Tên sản phẩm không được để trống.</source>
        <translation>The product name may not be empty.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/product_editor.py" line="220"/>
        <source>Hãy nhập đơn vị tính (ví dụ: văn bản, hồ sơ).</source>
        <translation>Enter the unit of measure (e.g. document, file).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/product_editor.py" line="228"/>
        <source>Hệ số k phải là số dương, không quá {max} (ví dụ 1 hoặc 1,5).</source>
        <translation>Coefficient k must be a positive number no greater than {max} (e.g. 1 or 1.5).</translation>
    </message>
</context>
<context>
    <name>ProvincePage</name>
    <message>
        <location filename="../../ui/pages/province.py" line="43"/>
        <source>Có</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../ui/pages/province.py" line="52"/>
        <source>Kỳ cần xem</source>
        <translation>Period to show</translation>
    </message>
    <message>
        <location filename="../../ui/pages/province.py" line="55"/>
        <source>&amp;Xem</source>
        <translation>&amp;Show</translation>
    </message>
    <message>
        <location filename="../../ui/pages/province.py" line="57"/>
        <source>&amp;Nhập gói dữ liệu…</source>
        <translation>&amp;Import bundles…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/province.py" line="64"/>
        <location filename="../../ui/pages/province.py" line="80"/>
        <source>Xã, phường</source>
        <translation>Commune / ward</translation>
    </message>
    <message>
        <location filename="../../ui/pages/province.py" line="65"/>
        <location filename="../../ui/pages/province.py" line="81"/>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../ui/pages/province.py" line="66"/>
        <source>Đã nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/pages/province.py" line="68"/>
        <location filename="../../ui/pages/province.py" line="84"/>
        <source>Số bản ghi</source>
        <translation>Records</translation>
    </message>
    <message>
        <location filename="../../ui/pages/province.py" line="70"/>
        <location filename="../../ui/pages/province.py" line="86"/>
        <source>Cần xem lại</source>
        <translation>To review</translation>
    </message>
    <message>
        <location filename="../../ui/pages/province.py" line="72"/>
        <source>Ngày nhận</source>
        <translation>Received on</translation>
    </message>
    <message>
        <location filename="../../ui/pages/province.py" line="74"/>
        <source>Hạn</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/pages/province.py" line="75"/>
        <source>Trễ (ngày)</source>
        <translation>Days late</translation>
    </message>
    <message>
        <location filename="../../ui/pages/province.py" line="82"/>
        <source>Các kỳ đã gửi</source>
        <translation>Periods sent</translation>
    </message>
    <message>
        <location filename="../../ui/pages/province.py" line="88"/>
        <source>Gói gần nhất</source>
        <translation>Latest bundle</translation>
    </message>
    <message>
        <location filename="../../ui/pages/province.py" line="92"/>
        <source>Mã xã</source>
        <translation>Commune code</translation>
    </message>
    <message>
        <location filename="../../ui/pages/province.py" line="93"/>
        <source>Kỳ</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../ui/pages/province.py" line="94"/>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../ui/pages/province.py" line="95"/>
        <source>Trường</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../ui/pages/province.py" line="96"/>
        <source>Xã gửi</source>
        <translation>Sent by the commune</translation>
    </message>
    <message>
        <location filename="../../ui/pages/province.py" line="97"/>
        <source>Tỉnh tính lại</source>
        <translation>Recomputed by the province</translation>
    </message>
    <message>
        <location filename="../../ui/pages/province.py" line="99"/>
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/pages/province.py" line="101"/>
        <source>Tình hình gửi kết quả theo xã</source>
        <translation>Results sent, by commune</translation>
    </message>
    <message>
        <location filename="../../ui/pages/province.py" line="104"/>
        <source>Các xã, phường</source>
        <translation>Communes</translation>
    </message>
    <message>
        <location filename="../../ui/pages/province.py" line="107"/>
        <source>Khác biệt khi tính lại</source>
        <translation>Differences on recomputation</translation>
    </message>
    <message>
        <location filename="../../ui/pages/province.py" line="112"/>
        <source>Kết quả nhập gói</source>
        <translation>Import result</translation>
    </message>
    <message>
        <location filename="../../ui/pages/province.py" line="114"/>
        <source>Kỳ: ai đã gửi, ai &amp;trễ</source>
        <translation>Period: who sent, who is &amp;late</translation>
    </message>
    <message>
        <location filename="../../ui/pages/province.py" line="115"/>
        <source>&amp;Các xã</source>
        <translation>&amp;Communes</translation>
    </message>
    <message>
        <location filename="../../ui/pages/province.py" line="116"/>
        <source>Cần &amp;xem lại</source>
        <translation>To &amp;review</translation>
    </message>
    <message>
        <location filename="../../ui/pages/province.py" line="117"/>
        <source>Lần nhập &amp;gần nhất</source>
        <translation>Last &amp;import</translation>
    </message>
    <message>
        <location filename="../../ui/pages/province.py" line="120"/>
        <source>&amp;Kỳ:</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/province.py" line="128"/>
        <source>Kết quả các xã, phường</source>
        <translation>Results of the communes</translation>
    </message>
    <message>
        <location filename="../../ui/pages/province.py" line="162"/>
        <source>Kỳ {period}: {received}/{n} xã đã gửi.</source>
        <translation>Period {period}: {received} of {n} communes have sent.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/province.py" line="164"/>
        <source>Trễ hạn: {names}.</source>
        <translation>Late: {names}.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/province.py" line="169"/>
        <source>Nhập gói dữ liệu của các xã</source>
        <translation>Import the communes’ bundles</translation>
    </message>
    <message>
        <location filename="../../ui/pages/province.py" line="170"/>
        <source>Gói dữ liệu KPI (*.kpib);;Mọi tệp (*)</source>
        <translation>KPI bundles (*.kpib);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/province.py" line="183"/>
        <source>Đang nhập {name}…</source>
        <translation>Importing {name}…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/province.py" line="210"/>
        <source>Đã nhận {ok}/{n} tệp.</source>
        <translation>Accepted {ok}/{n} files.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/province.py" line="214"/>
        <source>{bad} tệp bị từ chối hoặc giữ lại chờ xem xét, đã chép vào thư mục cách ly {folder}.</source>
        <translation>{bad} file(s) refused or held for review, copied to the quarantine folder {folder}.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/province.py" line="217"/>
        <source>{bad} tệp bị từ chối hoặc giữ lại chờ xem xét.</source>
        <translation>{bad} file(s) refused or held for review.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/province.py" line="222"/>
        <source> ({n} bản ghi, {k} cần xem lại)</source>
        <translation> ({n} records, {k} to review)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/province.py" line="191"/>
        <source>Biên nhận: {path}</source>
        <translation>Receipt: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/province.py" line="206"/>
        <source>Nhập gói dữ liệu</source>
        <translation>Import bundles</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../ui/pages/reports.py" line="51"/>
        <source>Phiếu theo dõi, đánh giá theo kỳ (Mẫu 01)</source>
        <translation>Period tracking and evaluation form (Form 01)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="52"/>
        <source>Phiếu xếp loại chất lượng năm (Mẫu 02 hoặc mẫu cũ)</source>
        <translation>Annual quality rating form (Form 02 or legacy form)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="53"/>
        <source>Bảng tổng hợp kết quả xếp loại của đơn vị</source>
        <translation>Summary of the unit&apos;s ratings</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="54"/>
        <source>Báo cáo kết quả xếp loại gửi Sở Nội vụ</source>
        <translation>Rating report to the Department of Home Affairs</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="82"/>
        <source>Chưa chọn kỳ đánh giá.</source>
        <translation>No period chosen.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="84"/>
        <location filename="../../ui/pages/reports.py" line="88"/>
        <source>Chưa chọn người.</source>
        <translation>No person chosen.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="101"/>
        <source>Chưa chọn tệp chứng thư số để ký.</source>
        <translation>No certificate file chosen for signing.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="102"/>
        <source>Chọn tệp .p12/.pfx, hoặc tệp .pem kèm khoá riêng.</source>
        <translation>Choose a .p12/.pfx file, or a .pem file with its private key.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="123"/>
        <source>Loại biểu mẫu</source>
        <translation>Kind of form</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="130"/>
        <source>Kỳ đánh giá</source>
        <translation>Evaluation period</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="133"/>
        <source>Năm</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="138"/>
        <source>Người được đánh giá</source>
        <translation>Person evaluated</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="143"/>
        <source>Định dạng tệp</source>
        <translation>File format</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="144"/>
        <source>PDF (để in, ký)</source>
        <translation>PDF (to print and sign)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="145"/>
        <source>Excel (.xlsx)</source>
        <translation>Excel (.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="147"/>
        <source>&amp;Xem trước</source>
        <translation>&amp;Preview</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="149"/>
        <source>&amp;Lưu tệp…</source>
        <translation>&amp;Save file…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="151"/>
        <source>In &amp;cả đơn vị vào thư mục…</source>
        <translation>Print the &amp;whole unit to a folder…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="153"/>
        <source>&amp;Dừng</source>
        <translation>S&amp;top</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="160"/>
        <source>Tiến độ in cả đơn vị</source>
        <translation>Progress of the whole-unit batch</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="165"/>
        <source>&amp;Ký số tệp PDF bằng chứng thư của đơn vị</source>
        <translation>Si&amp;gn the PDF with the unit&apos;s certificate</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="172"/>
        <source>Tệp chứng thư số (.p12, .pfx hoặc .pem)</source>
        <translation>Certificate file (.p12, .pfx or .pem)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="175"/>
        <source>Tệp khoá riêng (.pem)</source>
        <translation>Private key file (.pem)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="179"/>
        <source>Mật khẩu của khoá</source>
        <translation>Key password</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="182"/>
        <source>Nơi ký</source>
        <translation>Place of signing</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="183"/>
        <source>Chọn…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="184"/>
        <location filename="../../ui/pages/reports.py" line="353"/>
        <source>Chọn tệp chứng thư số</source>
        <translation>Choose the certificate file</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="189"/>
        <source>Chứng thư:</source>
        <translation>Certificate:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="190"/>
        <source>Khoá riêng:</source>
        <translation>Private key:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="191"/>
        <source>Mật khẩu:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="192"/>
        <source>Nơi ký:</source>
        <translation>Place:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="202"/>
        <source>Kết quả</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="210"/>
        <source>Bản xem trước</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="213"/>
        <source>Chọn biểu mẫu rồi bấm «Xem trước».</source>
        <translation>Choose a form, then press “Preview”.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="217"/>
        <source>&amp;Biểu mẫu:</source>
        <translation>&amp;Form:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="218"/>
        <source>&amp;Kỳ:</source>
        <translation>Peri&amp;od:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="220"/>
        <source>&amp;Năm:</source>
        <translation>&amp;Year:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="222"/>
        <source>&amp;Người:</source>
        <translation>Perso&amp;n:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="224"/>
        <source>Định &amp;dạng:</source>
        <translation>For&amp;mat:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="249"/>
        <source>Biểu mẫu, báo cáo</source>
        <translation>Forms and reports</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="354"/>
        <source>Chứng thư số (*.p12 *.pfx *.pem *.crt *.cer)</source>
        <translation>Certificates (*.p12 *.pfx *.pem *.crt *.cer)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="384"/>
        <source>Đang dựng bản xem trước…</source>
        <translation>Building the preview…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="399"/>
        <source>Bản xem trước: {n} trang.</source>
        <translation>Preview: {n} page(s).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="428"/>
        <source>Trang {n}</source>
        <translation>Page {n}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="450"/>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="450"/>
        <source>Bảng tính Excel (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="451"/>
        <source>Lưu biểu mẫu</source>
        <translation>Save the form</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="471"/>
        <source>Đã lưu {file}.</source>
        <translation>Saved {file}.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="473"/>
        <source>Tệp đã được ký số.</source>
        <translation>The file is digitally signed.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="487"/>
        <source>Chọn thư mục lưu biểu mẫu của cả đơn vị</source>
        <translation>Choose a folder for the whole unit&apos;s forms</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="502"/>
        <source>Đang chuẩn bị…</source>
        <translation>Preparing…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="517"/>
        <source>Đã ghi {done}/{total}: {what}</source>
        <translation>Written {done}/{total}: {what}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="529"/>
        <source>Đã dừng theo yêu cầu: đã ghi {n} tệp vào {folder}.</source>
        <translation>Stopped as asked: {n} files written to {folder}.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="533"/>
        <source>Đã ghi {n} tệp vào {folder}.</source>
        <translation>{n} files written to {folder}.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="544"/>
        <source>Đã dừng theo yêu cầu: chưa ghi tệp nào.</source>
        <translation>Stopped as asked: no file written.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="555"/>
        <source>Đang dừng sau tệp hiện tại…</source>
        <translation>Stopping after the current file…</translation>
    </message>
</context>
<context>
    <name>RowsModel</name>
    <message>
        <location filename="../../ui/models/rows.py" line="153"/>
        <source>«{value}» không có trong danh sách để chọn.</source>
        <translation>“{value}” is not one of the choices.</translation>
    </message>
    <message>
        <location filename="../../ui/models/rows.py" line="158"/>
        <source>«{column}» không được để trống.</source>
        <translation>“{column}” cannot be empty.</translation>
    </message>
    <message>
        <location filename="../../ui/models/rows.py" line="160"/>
        <source>«{column}»: «{value}» không phải số nguyên.</source>
        <translation>“{column}”: “{value}” is not a whole number.</translation>
    </message>
    <message>
        <location filename="../../ui/models/rows.py" line="164"/>
        <source>từ {lo} đến {hi}</source>
        <translation>from {lo} to {hi}</translation>
    </message>
    <message>
        <location filename="../../ui/models/rows.py" line="166"/>
        <source>từ {lo} trở lên</source>
        <translation>{lo} or more</translation>
    </message>
    <message>
        <location filename="../../ui/models/rows.py" line="167"/>
        <source>«{column}» phải {bounds} (đã nhập {value}).</source>
        <translation>“{column}” must be {bounds} (entered: {value}).</translation>
    </message>
</context>
<context>
    <name>YearPage</name>
    <message>
        <location filename="../../ui/pages/year.py" line="59"/>
        <source>Năm đánh giá</source>
        <translation>Rating year</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year.py" line="62"/>
        <source>&amp;Tính đề xuất xếp loại</source>
        <translation>&amp;Propose the ratings</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year.py" line="65"/>
        <source>Xuất &amp;PDF cả năm…</source>
        <translation>Export the year as &amp;PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year.py" line="75"/>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year.py" line="76"/>
        <source>Nhóm</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year.py" line="77"/>
        <source>Điểm bình quân</source>
        <translation>Mean score</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year.py" line="78"/>
        <source>Theo điểm</source>
        <translation>By score</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year.py" line="79"/>
        <source>Đề xuất</source>
        <translation>Proposed</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year.py" line="80"/>
        <source>Vượt tỷ lệ</source>
        <translation>Over quota</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year.py" line="81"/>
        <source>Quyết định</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year.py" line="83"/>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year.py" line="85"/>
        <source>Đề xuất xếp loại năm</source>
        <translation>Proposed annual ratings</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year.py" line="90"/>
        <source>Người đang chọn</source>
        <translation>Selected person</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year.py" line="98"/>
        <source>Lý do và hệ quả</source>
        <translation>Reasons and consequences</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year.py" line="101"/>
        <source>Mức quyết định</source>
        <translation>Decided level</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year.py" line="106"/>
        <source>Lý do giữ mức vượt tỷ lệ</source>
        <translation>Reason for keeping an over-quota level</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year.py" line="108"/>
        <source>Á&amp;p dụng mức này</source>
        <translation>A&amp;pply this level</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year.py" line="111"/>
        <source>Lý do, hệ quả:</source>
        <translation>Reasons, consequences:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year.py" line="112"/>
        <source>&amp;Mức quyết định:</source>
        <translation>Decided &amp;level:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year.py" line="113"/>
        <source>Lý do (nếu giữ HTXS vượt tỷ lệ):</source>
        <translation>Reason (if keeping HTXS over the quota):</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year.py" line="117"/>
        <source>Quyết định xếp loại</source>
        <translation>Rating decision</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year.py" line="121"/>
        <source>Số quyết định</source>
        <translation>Decision number</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year.py" line="126"/>
        <source>Ngày quyết định</source>
        <translation>Decision date</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year.py" line="128"/>
        <source>&amp;Ghi quyết định</source>
        <translation>&amp;Record the decision</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year.py" line="130"/>
        <source>Số &amp;quyết định:</source>
        <translation>Decision &amp;number:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year.py" line="132"/>
        <source>&amp;Ngày:</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year.py" line="140"/>
        <source>Danh sách công khai</source>
        <translation>List to publish</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year.py" line="153"/>
        <source>Đề &amp;xuất và quyết định</source>
        <translation>Proposal and &amp;decision</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year.py" line="154"/>
        <source>Danh sách &amp;công khai</source>
        <translation>List to p&amp;ublish</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year.py" line="158"/>
        <source>Hợp đồng trách nhiệm của người đứng đầu</source>
        <translation>Heads’ responsibility contracts</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year.py" line="159"/>
        <source>&amp;Hợp đồng trách nhiệm</source>
        <translation>Responsibility &amp;contracts</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year.py" line="162"/>
        <source>&amp;Năm:</source>
        <translation>&amp;Year:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year.py" line="170"/>
        <source>Xếp loại chất lượng năm (Mẫu 02)</source>
        <translation>Annual quality rating (Form 02)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year.py" line="210"/>
        <source>Đang tính đề xuất xếp loại năm {year}…</source>
        <translation>Proposing the ratings for {year}…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year.py" line="224"/>
        <source>Xếp loại năm</source>
        <translation>Annual rating</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year.py" line="239"/>
        <source>nhóm {g}: tối đa {cap} HTXS, đề xuất {n}</source>
        <translation>group {g}: at most {cap} HTXS, {n} proposed</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year.py" line="241"/>
        <source>Năm {year}: {n} người. {levels}</source>
        <translation>Year {year}: {n} people. {levels}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year.py" line="244"/>
        <source>Tỷ lệ: {q}.</source>
        <translation>Quota: {q}.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year.py" line="246"/>
        <source>Vượt tỷ lệ, cần cấp có thẩm quyền quyết định: {codes}.</source>
        <translation>Over the quota, for the competent level to decide: {codes}.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year.py" line="259"/>
        <source>Chưa có quyết định xếp loại năm này.</source>
        <translation>No rating decision for this year yet.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year.py" line="261"/>
        <source>DANH SÁCH KẾT QUẢ XẾP LOẠI CHẤT LƯỢNG NĂM {year}</source>
        <translation>ANNUAL QUALITY RATING RESULTS {year}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year.py" line="278"/>
        <source>Không có hợp đồng trách nhiệm nào trong năm này.</source>
        <translation>No responsibility contracts this year.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year.py" line="282"/>
        <source>đạt {p}% chỉ tiêu (thẻ điểm)</source>
        <translation>{p}% of targets met (scorecard)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year.py" line="283"/>
        <source>chưa đủ số liệu thực hiện</source>
        <translation>results not complete yet</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year.py" line="287"/>
        <source>  {seq}. {name}: chỉ tiêu {target}, thực hiện {actual}, trọng số {w}</source>
        <translation>  {seq}. {name}: target {target}, actual {actual}, weight {w}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year.py" line="290"/>
        <source>VI PHẠM</source>
        <translation>TRIGGERED</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year.py" line="290"/>
        <source>không vi phạm</source>
        <translation>not triggered</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year.py" line="291"/>
        <source>  Điều kiện phủ quyết: {text} — {mark}</source>
        <translation>  Veto item: {text} — {mark}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year.py" line="309"/>
        <source>Vượt tỷ lệ hoàn thành xuất sắc của nhóm: cần quyết định mức.</source>
        <translation>Over the group’s HTXS quota: a level must be decided.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year.py" line="312"/>
        <source>Hệ quả: {flags}</source>
        <translation>Consequences: {flags}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year.py" line="313"/>
        <source>Mức theo điểm, không có ghi chú.</source>
        <translation>Level by score, no remarks.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year.py" line="325"/>
        <source>Giữ mức Hoàn thành xuất sắc khi vượt tỷ lệ phải ghi lý do.</source>
        <translation>Keeping “Excellent” over the quota needs a reason.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year.py" line="345"/>
        <source>Phải ghi số quyết định.</source>
        <translation>Enter the decision number.</translation>
    </message>
</context>
<context>
    <name>crash</name>
    <message>
        <location filename="../../ui/crash.py" line="39"/>
        <source>Lỗi không mong đợi</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="40"/>
        <source>Chương trình gặp một lỗi không mong đợi. Dữ liệu đã lưu không bị ảnh hưởng; thao tác vừa rồi có thể chưa hoàn tất.</source>
        <translation>The program hit an unexpected error. Saved data is not affected; the last action may not have completed.</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="43"/>
        <source>(không ghi được tệp nhật ký)</source>
        <translation>(the log file could not be written)</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="44"/>
        <source>Chi tiết kỹ thuật đã được ghi vào: {path}. Hãy gửi tệp này cho bộ phận hỗ trợ.</source>
        <translation>Technical details were written to: {path}. Please send this file to support.</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="56"/>
        <source>Không thực hiện được</source>
        <translation>Could not be done</translation>
    </message>
</context>
<context>
    <name>export</name>
    <message>
        <location filename="../../ui/pages/export.py" line="22"/>
        <source>Chọn thư mục lưu các phiếu PDF</source>
        <translation>Choose the folder for the PDF forms</translation>
    </message>
    <message>
        <location filename="../../ui/pages/export.py" line="31"/>
        <source>Đang ghi {what}…</source>
        <translation>Writing {what}…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/export.py" line="39"/>
        <source>Đã dừng theo yêu cầu: đã ghi {n} tệp vào {folder}.</source>
        <translation>Stopped as asked: {n} files written to {folder}.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/export.py" line="42"/>
        <source>Đã ghi {n} tệp PDF vào {folder}.</source>
        <translation>{n} PDF files written to {folder}.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/export.py" line="50"/>
        <source>Xuất phiếu ra PDF</source>
        <translation>Export forms as PDF</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../ui/label_strings.py" line="6"/>
        <source>Nam</source>
        <translation>Male</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="7"/>
        <source>Nữ</source>
        <translation>Female</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="8"/>
        <source>Khác</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="9"/>
        <source>Cán bộ</source>
        <translation>Official (cán bộ)</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="10"/>
        <source>Công chức</source>
        <translation>Civil servant</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="11"/>
        <source>Viên chức</source>
        <translation>Public employee</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="12"/>
        <source>Hợp đồng lao động</source>
        <translation>Contract worker</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="13"/>
        <source>Cấp trưởng</source>
        <translation>Head</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="14"/>
        <source>Cấp phó</source>
        <translation>Deputy</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="15"/>
        <source>Nhân viên</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="16"/>
        <source>Văn phòng HĐND và UBND</source>
        <translation>Office of the People’s Council and Committee</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="17"/>
        <source>Phòng chuyên môn</source>
        <translation>Specialised division</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="18"/>
        <source>Trung tâm phục vụ hành chính công</source>
        <translation>Public administrative service centre</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="19"/>
        <source>Đơn vị sự nghiệp công lập</source>
        <translation>Public service unit</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="20"/>
        <source>Ban Chỉ huy quân sự</source>
        <translation>Military command</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="21"/>
        <source>Cơ quan Đảng, Mặt trận, đoàn thể</source>
        <translation>Party, Front and mass organisations</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="22"/>
        <source>Lãnh đạo, quản lý</source>
        <translation>Leadership and management</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="23"/>
        <source>Chuyên môn, nghiệp vụ</source>
        <translation>Professional</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="24"/>
        <source>Hỗ trợ, phục vụ</source>
        <translation>Support</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="25"/>
        <source>Vị trí chính</source>
        <translation>Primary position</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="26"/>
        <source>Kiêm nhiệm</source>
        <translation>Concurrent</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="27"/>
        <source>Năng lực chung</source>
        <translation>General competency</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="28"/>
        <source>Năng lực chuyên môn</source>
        <translation>Professional competency</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="29"/>
        <source>Năng lực quản lý</source>
        <translation>Management competency</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="30"/>
        <source>Dự thảo</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="31"/>
        <source>Thí điểm</source>
        <translation>Pilot</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="32"/>
        <source>Chính thức</source>
        <translation>Official</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="33"/>
        <source>Nhóm 1</source>
        <translation>Group 1</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="34"/>
        <source>Nhóm 2</source>
        <translation>Group 2</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="35"/>
        <source>Nhóm 3</source>
        <translation>Group 3</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="36"/>
        <source>Nhóm 4</source>
        <translation>Group 4</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="37"/>
        <source>Nhóm 5</source>
        <translation>Group 5</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="38"/>
        <source>Nghỉ ốm</source>
        <translation>Sick leave</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="39"/>
        <source>Nghỉ thai sản</source>
        <translation>Maternity leave</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="40"/>
        <source>Nghỉ không lương</source>
        <translation>Unpaid leave</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="41"/>
        <source>Đi học</source>
        <translation>Study leave</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="42"/>
        <source>Nghỉ khác</source>
        <translation>Other leave</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="43"/>
        <source>Khiển trách</source>
        <translation>Reprimand</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="44"/>
        <source>Cảnh cáo</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="45"/>
        <source>Cách chức</source>
        <translation>Removal from office</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="46"/>
        <source>Buộc thôi việc</source>
        <translation>Dismissal</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="47"/>
        <source>Kỷ luật Đảng</source>
        <translation>Party discipline</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="48"/>
        <source>Kỷ luật hành chính</source>
        <translation>Administrative discipline</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="49"/>
        <source>Kỷ luật</source>
        <translation>Discipline</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="50"/>
        <source>Kết luận suy thoái, tự diễn biến, tự chuyển hóa</source>
        <translation>Conclusion of degeneration</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="51"/>
        <source>Tháng</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="52"/>
        <source>Quý</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="53"/>
        <source>Năm</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="54"/>
        <source>Đang mở</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="55"/>
        <source>Đã khóa</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="56"/>
        <source>Mở lại</source>
        <translation>Reopened</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="57"/>
        <source>Nháp</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="58"/>
        <source>Đã nộp</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="59"/>
        <source>Đã nhận xét</source>
        <translation>Reviewed</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="60"/>
        <source>Đã duyệt</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="61"/>
        <source>Trả lại</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="62"/>
        <source>Hoàn thành xuất sắc nhiệm vụ</source>
        <translation>Excellent (HTXS)</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="63"/>
        <source>Hoàn thành tốt nhiệm vụ</source>
        <translation>Good (HTT)</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="64"/>
        <source>Hoàn thành nhiệm vụ</source>
        <translation>Completed (HT)</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="65"/>
        <source>Không hoàn thành nhiệm vụ</source>
        <translation>Not completed (KHT)</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="66"/>
        <source>Không xếp loại</source>
        <translation>Not rated</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="67"/>
        <source>Kế hoạch</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="68"/>
        <source>Phát sinh</source>
        <translation>Ad hoc</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="69"/>
        <source>E-Office</source>
        <translation>E-Office</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="70"/>
        <source>Nhập từ tệp</source>
        <translation>Imported</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="71"/>
        <source>Càng cao càng tốt</source>
        <translation>Higher is better</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="72"/>
        <source>Càng thấp càng tốt</source>
        <translation>Lower is better</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="73"/>
        <source>Cán bộ tổ chức</source>
        <translation>Personnel clerk</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="74"/>
        <source>Công chức, viên chức</source>
        <translation>Staff member</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="75"/>
        <source>Lãnh đạo đơn vị</source>
        <translation>Head</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="76"/>
        <source>Sở Nội vụ</source>
        <translation>Provincial HR</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="77"/>
        <source>Quản trị hệ thống</source>
        <translation>System administrator</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="78"/>
        <source>Đã nhận</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="79"/>
        <source>Đã nhận, thay thế gói trước</source>
        <translation>Accepted, replaces the earlier bundle</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="80"/>
        <source>Đã nhập trước đó</source>
        <translation>Already imported</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="81"/>
        <source>Gói cũ, bị từ chối</source>
        <translation>Older bundle, refused</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="82"/>
        <source>Rẽ nhánh, giữ lại chờ xem xét</source>
        <translation>Fork, held for review</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="83"/>
        <source>Xung đột, đã cách ly</source>
        <translation>Conflict, quarantined</translation>
    </message>
    <message>
        <location filename="../../ui/label_strings.py" line="84"/>
        <source>Bị từ chối</source>
        <translation>Refused</translation>
    </message>
</context>
<context>
    <name>pages</name>
    <message>
        <location filename="../../ui/pages/registry.py" line="86"/>
        <source>Tổng quan</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registry.py" line="87"/>
        <source>Kỳ đánh giá</source>
        <translation>Evaluation periods</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registry.py" line="88"/>
        <source>Giao việc</source>
        <translation>Assignments</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registry.py" line="89"/>
        <source>Xếp loại năm</source>
        <translation>Annual rating</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registry.py" line="90"/>
        <source>Cán bộ</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registry.py" line="91"/>
        <source>Các xã, phường</source>
        <translation>Communes</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registry.py" line="92"/>
        <source>Danh mục</source>
        <translation>Catalogues</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registry.py" line="93"/>
        <source>Biểu mẫu, báo cáo</source>
        <translation>Forms and reports</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registry.py" line="94"/>
        <source>Quản trị</source>
        <translation>Administration</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registry.py" line="95"/>
        <source>Giới thiệu</source>
        <translation>About</translation>
    </message>
</context>
<context>
    <name>startup</name>
    <message>
        <location filename="../../ui/startup.py" line="70"/>
        <source>Không mở được cơ sở dữ liệu</source>
        <translation>The database could not be opened</translation>
    </message>
    <message>
        <location filename="../../ui/startup.py" line="159"/>
        <source>Nhắc hạn</source>
        <translation>Reminders</translation>
    </message>
    <message>
        <location filename="../../ui/startup.py" line="160"/>
        <source>Có {n} việc quá hạn hoặc sắp đến hạn.</source>
        <translation>{n} steps are overdue or due soon.</translation>
    </message>
    <message>
        <location filename="../../ui/startup.py" line="67"/>
        <source>KPI Desktop đang mở cơ sở dữ liệu này</source>
        <translation>KPI Desktop already has this database open</translation>
    </message>
    <message>
        <location filename="../../ui/startup.py" line="108"/>
        <source>Cảnh báo khi khởi động</source>
        <translation>Start-up warnings</translation>
    </message>
</context>
<context>
    <name>workers</name>
    <message>
        <location filename="../../ui/workers.py" line="324"/>
        <source>Huỷ</source>
        <translation>Cancel</translation>
    </message>
</context>
</TS>
