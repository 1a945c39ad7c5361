"""KPI Desktop: đánh giá, xếp loại cán bộ, công chức, viên chức theo KPI, chạy ngoại tuyến."""

__version__ = "0.1.0"
