import Foundation

/// Files shipped beside the repository for tests.
public enum SampleFiles {
    /// The 12-person synthetic sample register (`Tests/Fixtures/members-sample.csv`).
    public static var membersSample: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/members-sample.csv").path
    }

    /// The register CSV header, in export order.
    public static let header =
        "membership_number,category,status,title,first_name,last_name,email,phone,address_line1,address_line2,address_line3,town,county,postcode,date_of_birth,join_date,region,constituency,branch,union_name,union_membership_number,dues_amount,dues_frequency,payment_method,consent_email,consent_phone,consent_post,consent_sms,consent_updated_at,updated_at,notes"
}
