import Foundation

/// Small synthetic SSDA903 and local files (no real children) for store tests.
enum SyntheticFiles {
    static let headerHeader = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB"
    static let episodesHeader = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN"
    static let reviewsHeader = "CHILD,DOB,REVIEW,REVIEW_CODE"

    /// Two collection years of one authority, child ids prefixed `prefix`: the 2025 return restates
    /// child 1's episode (now ended) and adds child 3; child 2 appears only in 2024.
    static func twoYears(in folder: TempFolder, under base: String, prefix: String = "A") -> (y2024: String, y2025: String) {
        let p = prefix
        folder.write(
            "\(base)/2024/header.csv",
            """
            \(headerHeader)
            \(p)1,1,01/05/2012,WBRI,,,
            \(p)2,2,03/09/2015,WBRI,,,

            """)
        folder.write(
            "\(base)/2024/episodes.csv",
            """
            \(episodesHeader)
            \(p)1,10/06/2023,S,C2,N1,U1,PR1,,,,,,SC1
            \(p)2,01/05/2023,S,C2,N2,U1,PR1,01/12/2023,E11,,,,SC1
            \(p)2,01/05/2023,S,C2,N2,U3,PR1,01/01/2024,E11,,,,SC1

            """)
        folder.write(
            "\(base)/2024/reviews.csv",
            """
            \(reviewsHeader)
            \(p)1,01/05/2012,01/09/2023,PN1

            """)
        folder.write(
            "\(base)/2025/header.csv",
            """
            \(headerHeader)
            \(p)1,1,01/05/2012,WBRI,,,
            \(p)3,2,12/12/2020,WBRI,,,

            """)
        folder.write(
            "\(base)/2025/episodes.csv",
            """
            \(episodesHeader)
            \(p)1,10/06/2023,S,C2,N1,U1,PR1,20/11/2024,E4A,,,,SC1
            \(p)3,15/04/2024,S,C2,N1,U1,PR1,,,,,,SC1
            \(p)3,15/04/2025,S,,N1,U1,PR1,,,,,,SC1

            """)
        folder.write(
            "\(base)/local/missing.csv",
            """
            child_id,missing_or_away,start,returned,rhi_offered,rhi_accepted,rhi_completed
            \(p)1,M,2024-05-01 10:00,2024-05-02 10:00,2024-05-03 09:00,Y,2024-05-04 09:00
            ,M,2024-06-01 10:00,,,,

            """)
        folder.write(
            "\(base)/local/supervision.csv",
            """
            worker_id,date,kind,reflective,child_id
            W1,2024-05-01,formal,Y,
            W1,01/06/2024,case,N,\(p)1

            """)
        return (folder.path("\(base)/2024"), folder.path("\(base)/2025"))
    }
}

extension SyntheticFiles {
    /// One collection year with `children` children, one episode and one review each.
    static func manyChildren(in folder: TempFolder, under base: String, year: Int = 2025, children: Int) -> String {
        var header = headerHeader + "\n", episodes = episodesHeader + "\n", reviews = reviewsHeader + "\n"
        for i in 1...children {
            header += "K\(i),\(i % 2 + 1),01/05/2012,WBRI,,,\n"
            episodes += "K\(i),\(String(format: "%02d", i % 28 + 1))/0\(i % 9 + 1)/\(year - 1),S,C2,N1,U1,PR1,,,,,,SC1\n"
            reviews += "K\(i),01/05/2012,\(String(format: "%02d", i % 28 + 1))/10/\(year - 1),PN1\n"
        }
        folder.write("\(base)/\(year)/header.csv", header)
        folder.write("\(base)/\(year)/episodes.csv", episodes)
        folder.write("\(base)/\(year)/reviews.csv", reviews)
        return folder.path("\(base)/\(year)")
    }
}

extension SyntheticFiles {
    /// A 2025 return where two children's rows have errors (an impossible date, an episode
    /// ending before it starts) and the others are clean.
    static func rowsWithErrors(in folder: TempFolder, under base: String) -> String {
        folder.write(
            "\(base)/2025/header.csv",
            """
            \(headerHeader)
            R1,1,01/05/2012,WBRI,,,
            R2,2,03/09/2015,WBRI,,,
            R3,1,12/12/2020,WBRI,,,
            R4,2,12/12/2019,WBRI,,,

            """)
        folder.write(
            "\(base)/2025/episodes.csv",
            """
            \(episodesHeader)
            R1,10/06/2024,S,C2,N1,U1,PR1,,,,,,SC1
            R2,31/02/2024,S,C2,N1,U1,PR1,,,,,,SC1
            R3,15/04/2024,S,C2,N1,U1,PR1,01/04/2024,E11,,,,SC1
            R4,15/05/2024,S,C2,N1,U1,PR1,,,,,,SC1

            """)
        return folder.path("\(base)/2025")
    }
}
