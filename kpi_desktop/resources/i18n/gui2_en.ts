<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US" sourcelanguage="vi_VN">
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="41" />
        <source>bị sửa</source>
        <translation>edited</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="41" />
        <source>bị xoá</source>
        <translation>deleted</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="42" />
        <source>bị đảo thứ tự</source>
        <translation>reordered</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="43" />
        <source>bị chèn thêm</source>
        <translation>inserted</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="44" />
        <source>bị cắt bớt ở cuối</source>
        <translation>cut off at the end</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="45" />
        <source>sai cấu trúc</source>
        <translation>malformed</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="48" />
        <source>thêm</source>
        <translation>insert</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="48" />
        <source>sửa</source>
        <translation>update</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="49" />
        <source>xoá</source>
        <translation>delete</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="49" />
        <source>đăng nhập</source>
        <translation>login</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="50" />
        <source>khoá do sai mật khẩu</source>
        <translation>locked out</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="51" />
        <source>xuất nhật ký</source>
        <translation>audit export</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="52" />
        <source>tự chuyển bước quá hạn</source>
        <translation>overdue step forwarded</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="70" />
        <source>có</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="88" />
        <source>Nhật ký thay đổi chưa có mục nào; không có gì bị can thiệp.</source>
        <translation>The audit trail has no entries yet; nothing has been tampered with.</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="89" />
        <source>Chuỗi nhật ký thay đổi toàn vẹn: {n} mục, mục cuối số {last}.</source>
        <translation>The audit trail is intact: {n} entries, the last is number {last}.</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="91" />
        <source>Nhật ký thay đổi đã bị can thiệp: phát hiện {n} chỗ sai.</source>
        <translation>The audit trail has been tampered with: {n} problems found.</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="93" />
        <source>Mục số {seq}</source>
        <translation>Entry {seq}</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="94" />
        <source>Toàn chuỗi</source>
        <translation>Whole chain</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="110" />
        <source>Quản trị</source>
        <translation>Administration</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="112" />
        <source>&amp;Tài khoản</source>
        <translation>&amp;Accounts</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="114" />
        <source>&amp;Sao lưu, khôi phục</source>
        <translation>&amp;Backup and restore</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="116" />
        <source>&amp;Nhật ký thay đổi</source>
        <translation>Audit &amp;trail</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="118" />
        <source>Quản trị hệ thống</source>
        <translation>System administration</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="151" />
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="167" />
        <source>Tên đăng nhập</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="152" />
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="168" />
        <source>Tên hiển thị</source>
        <translation>Display name</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="153" />
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="173" />
        <source>Vai trò</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="154" />
        <source>Hồ sơ gắn với</source>
        <translation>Linked person</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="155" />
        <source>Đang dùng</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="156" />
        <source>Đang bị khoá</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="157" />
        <source>Đăng nhập lần cuối</source>
        <translation>Last login</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="160" />
        <source>Danh sách tài khoản</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="165" />
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="186" />
        <source>Thêm tài khoản</source>
        <translation>Add an account</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="169" />
        <source>Mật khẩu ban đầu</source>
        <translation>Initial password</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="178" />
        <source>Hồ sơ cán bộ gắn với tài khoản</source>
        <translation>Staff record linked to the account</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="183" />
        <source>Cơ quan, đơn vị phụ trách (lãnh đạo)</source>
        <translation>Body headed (heads)</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="184" />
        <source>Thê&amp;m tài khoản</source>
        <translation>Add &amp;account</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="194" />
        <source>Tên đăng &amp;nhập:</source>
        <translation>User &amp;name:</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="196" />
        <source>Tên &amp;hiển thị:</source>
        <translation>&amp;Display name:</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="197" />
        <source>&amp;Mật khẩu ban đầu:</source>
        <translation>Initial &amp;password:</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="199" />
        <source>&amp;Vai trò:</source>
        <translation>&amp;Role:</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="201" />
        <source>&amp;Hồ sơ cán bộ:</source>
        <translation>Staff &amp;record:</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="203" />
        <source>Đơn vị &amp;phụ trách:</source>
        <translation>&amp;Body headed:</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="208" />
        <source>Tài khoản đang chọn</source>
        <translation>Selected account</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="212" />
        <source>Mật khẩu tạm mới</source>
        <translation>New temporary password</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="214" />
        <source>Đặt &amp;lại mật khẩu</source>
        <translation>Re&amp;set password</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="215" />
        <source>&amp;Mở khoá</source>
        <translation>&amp;Unlock</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="216" />
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="328" />
        <source>&amp;Ngừng sử dụng</source>
        <translation>Deac&amp;tivate</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="219" />
        <source>Mật khẩu &amp;tạm:</source>
        <translation>&amp;Temporary password:</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="273" />
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="275" />
        <source>(không gắn)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="319" />
        <source>Chọn một tài khoản trong danh sách.</source>
        <translation>Select an account in the list.</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="323" />
        <source>đã ngừng sử dụng</source>
        <translation>deactivated</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="325" />
        <source>đang bị khoá do nhập sai mật khẩu</source>
        <translation>locked after wrong passwords</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="328" />
        <source>&amp;Dùng lại</source>
        <translation>Reac&amp;tivate</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="350" />
        <source>Đã thêm tài khoản «{u}» ({role}); người dùng phải đổi mật khẩu khi đăng nhập lần đầu.</source>
        <translation>Account “{u}” ({role}) added; the user must change the password at first login.</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="377" />
        <source>Đã đặt lại mật khẩu của «{u}»; người dùng phải đổi mật khẩu khi đăng nhập.</source>
        <translation>Password of “{u}” reset; the user must change it at next login.</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="386" />
        <source>Đã mở khoá tài khoản «{u}».</source>
        <translation>Account “{u}” unlocked.</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="394" />
        <source>Đã ngừng sử dụng tài khoản «{u}».</source>
        <translation>Account “{u}” deactivated.</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="395" />
        <source>Đã cho dùng lại tài khoản «{u}».</source>
        <translation>Account “{u}” reactivated.</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="402" />
        <source>Tệp sao lưu</source>
        <translation>Backup file</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="403" />
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="545" />
        <source>Thời điểm</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="405" />
        <source>Loại</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="406" />
        <source>tự động ({reason})</source>
        <translation>automatic ({reason})</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="407" />
        <source>người dùng tạo</source>
        <translation>made by a user</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="408" />
        <source>Dung lượng</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="410" />
        <source>Danh sách bản sao lưu</source>
        <translation>Backups</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="413" />
        <source>&amp;Sao lưu ngay</source>
        <translation>&amp;Back up now</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="414" />
        <source>&amp;Khôi phục bản đã chọn…</source>
        <translation>&amp;Restore the selected backup…</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="416" />
        <source>Khôi phục từ tệp &amp;khác…</source>
        <translation>Restore from another &amp;file…</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="423" />
        <source>Bản sao lưu tự động được tạo mỗi ngày khi mở chương trình, trước khi nâng cấp và trước khi nhập dữ liệu. Khi khôi phục, dữ liệu hiện tại được giữ lại thành một tệp bên cạnh cơ sở dữ liệu.</source>
        <translation>Automatic backups are made once a day when the program opens, before an upgrade and before an import. A restore keeps the current data as a file next to the database.</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="449" />
        <source>Cơ sở dữ liệu máy chủ được sao lưu bằng công cụ của máy chủ.</source>
        <translation>A server database is backed up with the server's own tools.</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="467" />
        <source>Đã sao lưu vào {file} ({size}).</source>
        <translation>Backed up to {file} ({size}).</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="485" />
        <source>Hãy chọn một bản sao lưu trong danh sách.</source>
        <translation>Select a backup in the list.</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="495" />
        <source>Chọn tệp sao lưu</source>
        <translation>Choose a backup file</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="496" />
        <source>Cơ sở dữ liệu SQLite (*.db *.sqlite);;Mọi tệp (*)</source>
        <translation>SQLite databases (*.db *.sqlite);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="501" />
        <source>Không tìm thấy tệp «{file}».</source>
        <translation>File “{file}” not found.</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="510" />
        <source>Khôi phục dữ liệu</source>
        <translation>Restore data</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="511" />
        <source>Thay toàn bộ dữ liệu hiện tại bằng bản sao lưu «{name}» ({when})?

Dữ liệu hiện tại được giữ lại thành một tệp bên cạnh cơ sở dữ liệu.</source>
        <translation>Replace all current data with the backup “{name}” ({when})?

The current data is kept as a file next to the database.</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="515" />
        <source>Không khôi phục.</source>
        <translation>Not restored.</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="529" />
        <source>Đã khôi phục từ {file}.</source>
        <translation>Restored from {file}.</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="531" />
        <source>Dữ liệu trước khi khôi phục được giữ ở {file}.</source>
        <translation>The data before the restore is kept in {file}.</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="544" />
        <source>Số</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="546" />
        <source>Người thực hiện</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="547" />
        <source>Thao tác</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="548" />
        <source>Đối tượng</source>
        <translation>Object</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="549" />
        <source>Kỳ</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="550" />
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="551" />
        <source>Trước</source>
        <translation>Before</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="552" />
        <source>Sau</source>
        <translation>After</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="554" />
        <source>Các mục nhật ký gần đây</source>
        <translation>Recent audit entries</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="557" />
        <source>&amp;Kiểm tra tính toàn vẹn</source>
        <translation>&amp;Verify integrity</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="558" />
        <source>&amp;Tải lại</source>
        <translation>Re&amp;load</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="559" />
        <source>Bấm «Kiểm tra tính toàn vẹn» để kiểm tra chuỗi băm của nhật ký.</source>
        <translation>Press “Verify integrity” to check the hash chain of the audit trail.</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="562" />
        <source>Kết quả kiểm tra nhật ký</source>
        <translation>Audit verification result</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/admin.py" line="597" />
        <source>Đang kiểm tra…</source>
        <translation>Checking…</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/reports.py" line="51" />
        <source>Phiếu theo dõi, đánh giá theo kỳ (Mẫu 01)</source>
        <translation>Period tracking and evaluation form (Form 01)</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/reports.py" line="52" />
        <source>Phiếu xếp loại chất lượng năm (Mẫu 02 hoặc mẫu cũ)</source>
        <translation>Annual quality rating form (Form 02 or legacy form)</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/reports.py" line="53" />
        <source>Bảng tổng hợp kết quả xếp loại của đơn vị</source>
        <translation>Summary of the unit's ratings</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/reports.py" line="54" />
        <source>Báo cáo kết quả xếp loại gửi Sở Nội vụ</source>
        <translation>Rating report to the Department of Home Affairs</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/reports.py" line="82" />
        <source>Chưa chọn kỳ đánh giá.</source>
        <translation>No period chosen.</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/reports.py" line="84" />
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/reports.py" line="88" />
        <source>Chưa chọn người.</source>
        <translation>No person chosen.</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/reports.py" line="101" />
        <source>Chưa chọn tệp chứng thư số để ký.</source>
        <translation>No certificate file chosen for signing.</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/reports.py" line="102" />
        <source>Chọn tệp .p12/.pfx, hoặc tệp .pem kèm khoá riêng.</source>
        <translation>Choose a .p12/.pfx file, or a .pem file with its private key.</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/reports.py" line="123" />
        <source>Loại biểu mẫu</source>
        <translation>Kind of form</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/reports.py" line="130" />
        <source>Kỳ đánh giá</source>
        <translation>Evaluation period</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/reports.py" line="133" />
        <source>Năm</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/reports.py" line="138" />
        <source>Người được đánh giá</source>
        <translation>Person evaluated</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/reports.py" line="143" />
        <source>Định dạng tệp</source>
        <translation>File format</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/reports.py" line="144" />
        <source>PDF (để in, ký)</source>
        <translation>PDF (to print and sign)</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/reports.py" line="145" />
        <source>Excel (.xlsx)</source>
        <translation>Excel (.xlsx)</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/reports.py" line="147" />
        <source>&amp;Xem trước</source>
        <translation>&amp;Preview</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/reports.py" line="149" />
        <source>&amp;Lưu tệp…</source>
        <translation>&amp;Save file…</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/reports.py" line="151" />
        <source>In &amp;cả đơn vị vào thư mục…</source>
        <translation>Print the &amp;whole unit to a folder…</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/reports.py" line="153" />
        <source>&amp;Dừng</source>
        <translation>S&amp;top</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/reports.py" line="160" />
        <source>Tiến độ in cả đơn vị</source>
        <translation>Progress of the whole-unit batch</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/reports.py" line="165" />
        <source>&amp;Ký số tệp PDF bằng chứng thư của đơn vị</source>
        <translation>Si&amp;gn the PDF with the unit's certificate</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/reports.py" line="172" />
        <source>Tệp chứng thư số (.p12, .pfx hoặc .pem)</source>
        <translation>Certificate file (.p12, .pfx or .pem)</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/reports.py" line="175" />
        <source>Tệp khoá riêng (.pem)</source>
        <translation>Private key file (.pem)</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/reports.py" line="179" />
        <source>Mật khẩu của khoá</source>
        <translation>Key password</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/reports.py" line="182" />
        <source>Nơi ký</source>
        <translation>Place of signing</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/reports.py" line="183" />
        <source>Chọn…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/reports.py" line="184" />
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/reports.py" line="353" />
        <source>Chọn tệp chứng thư số</source>
        <translation>Choose the certificate file</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/reports.py" line="189" />
        <source>Chứng thư:</source>
        <translation>Certificate:</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/reports.py" line="190" />
        <source>Khoá riêng:</source>
        <translation>Private key:</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/reports.py" line="191" />
        <source>Mật khẩu:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/reports.py" line="192" />
        <source>Nơi ký:</source>
        <translation>Place:</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/reports.py" line="202" />
        <source>Kết quả</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/reports.py" line="210" />
        <source>Bản xem trước</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/reports.py" line="213" />
        <source>Chọn biểu mẫu rồi bấm «Xem trước».</source>
        <translation>Choose a form, then press “Preview”.</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/reports.py" line="217" />
        <source>&amp;Biểu mẫu:</source>
        <translation>&amp;Form:</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/reports.py" line="218" />
        <source>&amp;Kỳ:</source>
        <translation>Peri&amp;od:</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/reports.py" line="220" />
        <source>&amp;Năm:</source>
        <translation>&amp;Year:</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/reports.py" line="222" />
        <source>&amp;Người:</source>
        <translation>Perso&amp;n:</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/reports.py" line="224" />
        <source>Định &amp;dạng:</source>
        <translation>For&amp;mat:</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/reports.py" line="249" />
        <source>Biểu mẫu, báo cáo</source>
        <translation>Forms and reports</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/reports.py" line="354" />
        <source>Chứng thư số (*.p12 *.pfx *.pem *.crt *.cer)</source>
        <translation>Certificates (*.p12 *.pfx *.pem *.crt *.cer)</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/reports.py" line="384" />
        <source>Đang dựng bản xem trước…</source>
        <translation>Building the preview…</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/reports.py" line="399" />
        <source>Bản xem trước: {n} trang.</source>
        <translation>Preview: {n} page(s).</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/reports.py" line="427" />
        <source>Trang {n}</source>
        <translation>Page {n}</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/reports.py" line="449" />
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/reports.py" line="449" />
        <source>Bảng tính Excel (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/reports.py" line="450" />
        <source>Lưu biểu mẫu</source>
        <translation>Save the form</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/reports.py" line="470" />
        <source>Đã lưu {file}.</source>
        <translation>Saved {file}.</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/reports.py" line="472" />
        <source>Tệp đã được ký số.</source>
        <translation>The file is digitally signed.</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/reports.py" line="486" />
        <source>Chọn thư mục lưu biểu mẫu của cả đơn vị</source>
        <translation>Choose a folder for the whole unit's forms</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/reports.py" line="501" />
        <source>Đang chuẩn bị…</source>
        <translation>Preparing…</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/reports.py" line="516" />
        <source>Đã ghi {done}/{total}: {what}</source>
        <translation>Written {done}/{total}: {what}</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/reports.py" line="528" />
        <source>Đã dừng theo yêu cầu: đã ghi {n} tệp vào {folder}.</source>
        <translation>Stopped as asked: {n} files written to {folder}.</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/reports.py" line="532" />
        <source>Đã ghi {n} tệp vào {folder}.</source>
        <translation>{n} files written to {folder}.</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/reports.py" line="543" />
        <source>Đã dừng theo yêu cầu: chưa ghi tệp nào.</source>
        <translation>Stopped as asked: no file written.</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/reports.py" line="554" />
        <source>Đang dừng sau tệp hiện tại…</source>
        <translation>Stopping after the current file…</translation>
    </message>
</context>
<context>
    <name>pages</name>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/registry.py" line="92" />
        <source>Biểu mẫu, báo cáo</source>
        <translation>Forms and reports</translation>
    </message>
    <message>
        <location filename="../../work/wt/gui2/kpi_desktop/ui/pages/registry.py" line="93" />
        <source>Quản trị</source>
        <translation>Administration</translation>
    </message>
    </context>
</TS>