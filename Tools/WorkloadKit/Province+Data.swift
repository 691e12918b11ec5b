/// The fixed facts of the generated province: names, fields, the calendar and the plan.
extension Province {
    /// A provincial body that resolves dossiers, with the fields (MaLinhVuc) of its procedures.
    struct Department {
        let code: String
        let name: String
        let fields: [String]
    }

    static let departments = [
        Department(code: "000.00.12.H23", name: "Sở Nội vụ", fields: ["G19"]),
        Department(code: "000.00.13.H23", name: "Sở Tài chính", fields: ["G12", "G02"]),
        Department(code: "000.00.14.H23", name: "Sở Kế hoạch và Đầu tư", fields: ["G01", "G02"]),
        Department(code: "000.00.15.H23", name: "Sở Xây dựng", fields: ["G05"]),
        Department(code: "000.00.16.H23", name: "Sở Giao thông vận tải", fields: ["G06"]),
        Department(code: "000.00.17.H23", name: "Sở Tài nguyên và Môi trường", fields: ["G03", "G04"]),
        Department(code: "000.00.18.H23", name: "Sở Nông nghiệp và Phát triển nông thôn", fields: ["G14"]),
        Department(code: "000.00.19.H23", name: "Sở Công Thương", fields: ["G13"]),
        Department(code: "000.00.20.H23", name: "Sở Y tế", fields: ["G10"]),
        Department(code: "000.00.21.H23", name: "Sở Giáo dục và Đào tạo", fields: ["G11"]),
        Department(code: "000.00.22.H23", name: "Sở Lao động - Thương binh và Xã hội", fields: ["G09", "G21"]),
        Department(code: "000.00.23.H23", name: "Sở Văn hóa, Thể thao và Du lịch", fields: ["G15"]),
        Department(code: "000.00.24.H23", name: "Sở Thông tin và Truyền thông", fields: ["G16"]),
        Department(code: "000.00.25.H23", name: "Sở Khoa học và Công nghệ", fields: ["G17"]),
        Department(code: "000.00.26.H23", name: "Ban Quản lý các khu công nghiệp tỉnh", fields: ["G02"]),
        Department(code: "000.00.31.H23", name: "Sở Tư pháp", fields: ["G18"]),
        Department(code: "000.00.33.H23", name: "Công an tỉnh", fields: ["G20"]),
        // Created by the merger of 1/3/2025; it resolves nothing before.
        Department(code: "000.00.28.H23", name: "Sở Nông nghiệp và Môi trường", fields: ["G14", "G04"]),
    ]

    /// The departments merged on 1/3/2025, with their successors.
    static let departmentMergers = [
        ("000.00.14.H23", "000.00.13.H23"),
        ("000.00.16.H23", "000.00.15.H23"),
        ("000.00.17.H23", "000.00.28.H23"),
        ("000.00.18.H23", "000.00.28.H23"),
        ("000.00.22.H23", "000.00.12.H23"),
        ("000.00.24.H23", "000.00.25.H23"),
    ]

    /// The districts, how many communes each had and how many new communes replace them.
    static let districtNames: [(name: String, communes: Int, newCommunes: Int)] = [
        ("UBND thành phố Vị Thanh", 9, 4),
        ("UBND thành phố Ngã Bảy", 5, 3),
        ("UBND thị xã Long Mỹ", 7, 3),
        ("UBND huyện Châu Thành", 7, 3),
        ("UBND huyện Châu Thành A", 8, 3),
        ("UBND huyện Phụng Hiệp", 13, 5),
        ("UBND huyện Vị Thủy", 7, 3),
        ("UBND huyện Long Mỹ", 8, 4),
    ]

    private static let placeWords = [
        "Tân", "Phú", "Long", "Hòa", "Thạnh", "Bình", "Vĩnh", "Phước", "Hiệp", "Đông", "Mỹ", "Thuận", "An", "Lợi",
        "Xuân", "Trường", "Nhơn", "Hưng", "Thới", "Lộc",
    ]

    static func communeName(district: Int, number: Int) -> String {
        let first = placeWords[(district * 7 + number) % placeWords.count]
        let second = placeWords[(district * 3 + number * 5 + 1) % placeWords.count]
        return number <= 2 && district < 3 ? "UBND phường \(first) \(second)" : "UBND xã \(first) \(second)"
    }

    static func newCommuneName(_ number: Int) -> String {
        let first = placeWords[(number * 11 + 3) % placeWords.count]
        let second = placeWords[(number * 13 + 7) % placeWords.count]
        return number % 4 == 1 ? "UBND phường \(first) \(second)" : "UBND xã \(first) \(second)"
    }

    /// Fields of district-level procedures.
    static let districtFields = ["G01", "G03", "G05", "G07", "G13", "G15", "G21"]
    /// Fields of commune-level procedures.
    static let communeFields = ["G07", "G07", "G08", "G08", "G21", "G03", "G14"]

    /// Procedure names by field (MaLinhVuc).
    static let procedureNames: [String: [String]] = [
        "G01": [
            "Đăng ký thành lập hộ kinh doanh", "Đăng ký thay đổi nội dung đăng ký doanh nghiệp",
            "Đăng ký thành lập hợp tác xã", "Thông báo tạm ngừng kinh doanh",
        ],
        "G02": ["Cấp giấy chứng nhận đăng ký đầu tư", "Điều chỉnh dự án đầu tư", "Chấp thuận chủ trương đầu tư"],
        "G03": [
            "Đăng ký biến động quyền sử dụng đất", "Cấp giấy chứng nhận quyền sử dụng đất lần đầu",
            "Chuyển mục đích sử dụng đất",
        ],
        "G04": [
            "Cấp giấy phép môi trường", "Cấp giấy phép khai thác nước mặt",
            "Thẩm định báo cáo đánh giá tác động môi trường",
        ],
        "G05": [
            "Cấp giấy phép xây dựng nhà ở riêng lẻ", "Thẩm định thiết kế xây dựng", "Cấp chứng chỉ hành nghề xây dựng",
        ],
        "G06": ["Cấp đổi giấy phép lái xe", "Cấp phù hiệu xe kinh doanh vận tải", "Cấp giấy phép kinh doanh vận tải"],
        "G07": ["Đăng ký khai sinh", "Đăng ký kết hôn", "Đăng ký khai tử", "Cấp bản sao trích lục hộ tịch"],
        "G08": ["Chứng thực bản sao từ bản chính", "Chứng thực chữ ký", "Chứng thực hợp đồng, giao dịch"],
        "G09": ["Cấp giấy phép lao động cho người nước ngoài", "Giải quyết trợ cấp thất nghiệp"],
        "G10": [
            "Cấp chứng chỉ hành nghề dược", "Cấp giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm",
            "Cấp giấy phép hoạt động phòng khám",
        ],
        "G11": ["Cấp phép hoạt động giáo dục kỹ năng sống", "Công nhận trường đạt chuẩn quốc gia"],
        "G12": ["Cấp mã số đơn vị có quan hệ với ngân sách", "Quyết toán dự án hoàn thành"],
        "G13": ["Cấp giấy phép bán lẻ rượu", "Cấp giấy chứng nhận đủ điều kiện kinh doanh xăng dầu"],
        "G14": ["Cấp giấy chứng nhận cơ sở đủ điều kiện sản xuất giống", "Cấp giấy chứng nhận kiểm dịch động vật"],
        "G15": ["Cấp giấy phép kinh doanh dịch vụ lữ hành nội địa", "Cấp giấy phép kinh doanh dịch vụ karaoke"],
        "G16": ["Cấp giấy phép xuất bản bản tin", "Cấp giấy phép thiết lập trang thông tin điện tử tổng hợp"],
        "G17": [
            "Cấp giấy chứng nhận doanh nghiệp khoa học và công nghệ", "Đăng ký kết quả nhiệm vụ khoa học và công nghệ",
        ],
        "G18": ["Cấp phiếu lý lịch tư pháp", "Đăng ký hoạt động văn phòng công chứng"],
        "G19": ["Công nhận ban vận động thành lập hội", "Đăng ký hoạt động tín ngưỡng"],
        "G20": [
            "Cấp giấy chứng nhận đủ điều kiện về an ninh, trật tự", "Thẩm duyệt thiết kế về phòng cháy và chữa cháy",
        ],
        "G21": ["Trợ cấp xã hội hằng tháng", "Hỗ trợ chi phí mai táng"],
    ]

    /// Told apart when a name is drawn again.
    static let nameVariants = [" (cấp lại)", " (điều chỉnh)", " (gia hạn)", " (cấp đổi)"]

    /// The weekdays off and make-up Saturdays of 2024–2026 (DOMAIN.md).
    static let calendarDeclarations: [(date: String, workday: Bool, name: String)] = [
        ("2024-01-01", false, "Tết Dương lịch"),
        ("2024-02-08", false, "Tết Nguyên đán Giáp Thìn"), ("2024-02-09", false, "Tết Nguyên đán Giáp Thìn"),
        ("2024-02-12", false, "Tết Nguyên đán Giáp Thìn"), ("2024-02-13", false, "Tết Nguyên đán Giáp Thìn"),
        ("2024-02-14", false, "Tết Nguyên đán Giáp Thìn"),
        ("2024-04-18", false, "Giỗ Tổ Hùng Vương"),
        ("2024-04-29", false, "Nghỉ hoán đổi dịp 30/4 và 1/5"),
        ("2024-04-30", false, "Ngày Giải phóng miền Nam, thống nhất đất nước"),
        ("2024-05-01", false, "Ngày Quốc tế Lao động"),
        ("2024-05-04", true, "Làm bù cho thứ Hai 29/4/2024"),
        ("2024-09-02", false, "Quốc khánh"), ("2024-09-03", false, "Quốc khánh (ngày liền kề)"),
        ("2025-01-01", false, "Tết Dương lịch"),
        ("2025-01-27", false, "Tết Nguyên đán Ất Tỵ"), ("2025-01-28", false, "Tết Nguyên đán Ất Tỵ"),
        ("2025-01-29", false, "Tết Nguyên đán Ất Tỵ"), ("2025-01-30", false, "Tết Nguyên đán Ất Tỵ"),
        ("2025-01-31", false, "Tết Nguyên đán Ất Tỵ"),
        ("2025-04-07", false, "Giỗ Tổ Hùng Vương"),
        ("2025-04-26", true, "Làm bù cho thứ Sáu 02/5/2025"),
        ("2025-04-30", false, "Ngày Giải phóng miền Nam, thống nhất đất nước"),
        ("2025-05-01", false, "Ngày Quốc tế Lao động"),
        ("2025-05-02", false, "Nghỉ hoán đổi dịp 30/4 và 1/5"),
        ("2025-09-01", false, "Quốc khánh (ngày liền kề)"), ("2025-09-02", false, "Quốc khánh"),
        ("2026-01-01", false, "Tết Dương lịch"),
        ("2026-02-16", false, "Tết Nguyên đán Bính Ngọ"), ("2026-02-17", false, "Tết Nguyên đán Bính Ngọ"),
        ("2026-02-18", false, "Tết Nguyên đán Bính Ngọ"), ("2026-02-19", false, "Tết Nguyên đán Bính Ngọ"),
        ("2026-02-20", false, "Tết Nguyên đán Bính Ngọ"),
        ("2026-04-27", false, "Nghỉ bù Giỗ Tổ Hùng Vương"),
        ("2026-04-30", false, "Ngày Giải phóng miền Nam, thống nhất đất nước"),
        ("2026-05-01", false, "Ngày Quốc tế Lao động"),
        ("2026-08-22", true, "Làm bù cho thứ Hai 31/8/2026"),
        ("2026-08-31", false, "Nghỉ hoán đổi dịp Quốc khánh"),
        ("2026-09-01", false, "Quốc khánh (ngày liền kề)"), ("2026-09-02", false, "Quốc khánh"),
    ]

    /// Tasks of the provincial plan (seed items II.1–II.3, III.2): id, title, deadline, completion.
    static let planTasks: [(id: String, title: String, deadline: String, completed: String?)] = [
        ("II.1", "Công bố phương án cắt giảm, tái cấu trúc quy trình nội bộ", "2025-04-30", "2025-04-28"),
        ("II.2", "Cung cấp trực tuyến toàn bộ TTHC liên quan đến doanh nghiệp", "2025-12-31", "2026-01-09"),
        ("II.3", "Tiếp nhận hồ sơ không phụ thuộc địa giới hành chính trong tỉnh", "2025-06-30", "2025-06-27"),
        ("III.2", "Bộ công cụ theo dõi, đánh giá TTHC trực tuyến", "2026-03-31", nil),
    ]
}
