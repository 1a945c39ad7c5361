"""Why a bundle is refused: one stable code and one specific Vietnamese message per failure.

The code is what reports, the quarantine note and the tests use; the message is what a clerk reads.
Every decryption failure maps to the single code `decrypt_failed` (no padding oracle).
"""

from __future__ import annotations

from kpi_desktop.errors import InputError

MESSAGES: dict[str, str] = {
    # 1. size and encoding
    "file_too_large": "Tệp lớn hơn giới hạn 20 MB; không mở.",
    "empty_file": "Tệp rỗng.",
    "pem_not_der": "Tệp ở dạng PEM/base64 (văn bản), không phải DER nhị phân; hãy dùng đúng tệp .kpib gốc.",
    "not_der": "Tệp không phải gói dữ liệu KPI (không đúng cấu trúc CMS mã hoá DER).",
    "ber_indefinite": "Tệp dùng mã hoá BER độ dài không xác định; chỉ chấp nhận DER chặt chẽ.",
    "trailing_bytes": "Có dữ liệu thừa sau cấu trúc CMS; tệp đã bị ghép hoặc sửa.",
    "truncated": "Tệp bị cắt cụt (thiếu dữ liệu ở cuối); hãy chép lại tệp đầy đủ.",
    "crlf_converted": "Tệp đã bị đổi ký tự xuống dòng (LF → CRLF) khi truyền; hãy chép lại ở chế độ nhị phân.",
    "wrong_content_type": "Loại cấu trúc CMS không đúng với loại gói mong đợi.",
    "too_many_recipients": "Gói có quá nhiều người nhận (tối đa 4).",
    "too_many_certificates": "Gói chứa quá nhiều chứng thư số (tối đa 10).",
    "unsupported_key_transport": "Thuật toán trao khoá không được hỗ trợ (chỉ chấp nhận RSA PKCS#1 v1.5).",
    "unsupported_cipher": "Thuật toán mã hoá nội dung không được hỗ trợ (chỉ chấp nhận AES-256-CBC).",
    # 2. decryption
    "not_for_us": "Gói không được mã hoá cho chứng thư mã hoá hiện hành của Sở (gói của tỉnh khác hoặc dùng khoá cũ đã thu hồi).",
    "decrypt_failed": "Không giải mã được gói.",
    # 3. signature and chain
    "unsupported_digest": "Thuật toán băm không được hỗ trợ (chỉ chấp nhận SHA-256).",
    "unsupported_signature": "Thuật toán chữ ký không được hỗ trợ (chỉ chấp nhận RSA PKCS#1 v1.5 với SHA-256).",
    "detached_signature": "Chữ ký tách rời: gói không kèm nội dung được ký.",
    "no_signer": "Gói không có chữ ký.",
    "several_signers": "Gói có nhiều hơn một chữ ký; chỉ chấp nhận đúng một người ký.",
    "no_signed_attributes": "Chữ ký thiếu các thuộc tính ký bắt buộc (contentType, messageDigest, signingTime).",
    "bad_signed_attributes": "Thuộc tính ký không hợp lệ (loại nội dung, mã băm hoặc thời điểm ký).",
    "missing_signer_cert": "Gói không kèm chứng thư số của người ký.",
    "weak_key": "Khoá RSA của người ký ngắn hơn 2048 bit.",
    "self_signed": "Chứng thư người ký là chứng thư tự ký (giả danh), không do CA gốc của Sở cấp.",
    "wrong_root": "Chứng thư người ký không chuỗi được về CA gốc của Sở đã ghim.",
    "cert_expired": "Chứng thư người ký đã hết hạn; cần người vận hành cho phép ngoại lệ (có ghi nhật ký).",
    "cert_not_yet_valid": "Chứng thư người ký chưa đến ngày có hiệu lực.",
    "bad_signature": "Chữ ký không khớp với nội dung: gói đã bị sửa sau khi ký.",
    "demo_cert": "Chứng thư DEMO (thử nghiệm) không được chấp nhận ở chế độ vận hành thật.",
    # 4–5. who signed, for whom
    "signer_not_registered": "Chứng thư người ký không được đăng ký cho đơn vị ghi trong gói.",
    "signer_hash_mismatch": "Mã chứng thư người ký trong manifest không khớp chứng thư thực sự đã ký.",
    "not_our_recipient": "Manifest không ghi chứng thư mã hoá của Sở là người nhận (gói bị chuyển tiếp).",
    # 6. zip
    "not_zip": "Nội dung đã ký không phải tệp ZIP hợp lệ.",
    "too_many_entries": "ZIP có quá nhiều mục (tối đa 64).",
    "zip_too_large": "Nội dung giải nén vượt giới hạn 50 MB (nghi ZIP bomb).",
    "zip_path": "ZIP chứa tên tệp nguy hiểm (thư mục, đường dẫn tuyệt đối hoặc «..»).",
    "zip_duplicate": "ZIP chứa hai mục trùng tên.",
    "zip_symlink": "ZIP chứa liên kết tượng trưng (symlink).",
    "zip_encrypted": "ZIP chứa mục được đặt mật khẩu.",
    "zip_compression": "ZIP dùng phương thức nén không được hỗ trợ (chỉ stored hoặc deflate).",
    "zip_corrupt": "Một mục trong ZIP bị hỏng hoặc kích thước khai báo sai.",
    "missing_manifest": "Thiếu tệp manifest.json trong gói.",
    "missing_entry": "Thiếu tệp được liệt kê trong manifest.",
    "extra_entry": "Có tệp không được liệt kê trong manifest.",
    "hash_mismatch": "Mã băm hoặc kích thước của một tệp không khớp manifest.",
    "sums_mismatch": "Tệp SHA256SUMS không khớp manifest.",
    # 7. JSON and meaning
    "json_bom": "Tệp JSON bắt đầu bằng BOM; chỉ chấp nhận UTF-8 không BOM.",
    "json_utf8": "Tệp JSON không phải UTF-8 hợp lệ.",
    "json_syntax": "Tệp JSON sai cú pháp.",
    "json_duplicate_key": "Tệp JSON có khoá bị lặp lại.",
    "json_nan": "Tệp JSON chứa NaN hoặc Infinity.",
    "json_huge_number": "Tệp JSON chứa số quá lớn.",
    "json_not_nfc": "Văn bản không ở dạng Unicode NFC (có thể là NFD).",
    "json_control_char": "Văn bản chứa ký tự điều khiển.",
    "json_formula": "Giá trị bắt đầu bằng = + - @ (nguy cơ chèn công thức khi xuất ra bảng tính).",
    "manifest_invalid": "manifest.json thiếu trường bắt buộc hoặc có giá trị sai.",
    "wrong_kind": "Loại gói trong manifest không đúng với thao tác này.",
    "record_invalid": "Một bản ghi đánh giá thiếu trường hoặc sai kiểu.",
    "foreign_staff": "Có bản ghi của người thuộc đơn vị khác.",
    "duplicate_staff": "Một người có hai bản ghi trong cùng kỳ.",
    "score_out_of_range": "Có điểm nằm ngoài khoảng cho phép.",
    "record_count_mismatch": "Số bản ghi không khớp record_count trong manifest.",
    "unknown_ruleset": "Bộ quy tắc chấm điểm ghi trong gói không được biết.",
    "period_mismatch": "Kỳ đánh giá của bản ghi khác kỳ ghi trong manifest.",
    # 8. ledger
    "conflict": "Mã gói (bundle_id) đã nhập trước đó nhưng nội dung khác: xung đột, đã cách ly.",
    "stale": "Gói cũ hơn gói đang hiện hành của đơn vị và kỳ này (số thứ tự thấp hơn).",
    "fork": "Gói không thay thế đúng gói hiện hành (rẽ nhánh): giữ lại chờ xem xét.",
    "sequence_reused": "Số thứ tự này đã được dùng cho một gói khác của đơn vị và kỳ này.",
}


class BundleRejected(InputError):
    """A bundle (or catalogue pack, or receipt) failed one of the contract's checks."""

    def __init__(self, code: str, detail: str = "", *, step: int = 0) -> None:
        self.code = code
        self.step = step
        self.detail = detail
        message = MESSAGES[code] + (f" ({detail})" if detail else "")
        super().__init__(message, field=code)
