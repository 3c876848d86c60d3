"""Short Vietnamese news texts the tests share: a meeting (seed meeting A) and a flood."""

MEETING = ("Chiều 28/7, đồng chí Trương Thị Mai, Ủy viên Bộ Chính trị, Thường trực Ban Bí thư, "
           "Trưởng Ban Tổ chức Trung ương đã chủ trì hội nghị giao ban trực tuyến công tác 6 tháng "
           "đầu năm với Bí thư Tỉnh ủy, Thành ủy trực thuộc Trung ương. Tổng vốn đầu tư toàn xã hội "
           "của tỉnh Hà Giang đạt 6.378 tỷ đồng. Hội nghị quán triệt Chỉ thị số 24 của Bộ Chính trị.")
FLOOD = ("Sáng 27/7, mưa lớn kéo dài gây sạt lở 14 điểm trên Quốc lộ 4C qua huyện Đồng Văn, Mèo Vạc "
         "của tỉnh Hà Giang, giao thông bị chia cắt. Sở Giao thông vận tải điều 6 máy xúc thông tuyến.")
