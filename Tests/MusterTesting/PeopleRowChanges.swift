/// Changes to a stored people row made behind the store's back, one column at a time: each a
/// column and the SQL value it is set to. Some make the row differ, in every column compared;
/// some only look as if they would (a text that reads as the same number, a second NULL). The
/// checks that compare a row where it lies, without decoding it, are run through them all.
public enum PeopleRowChanges {
    public static let all: [(column: String, value: String)] = [
        ("id", "x'000102030405060708090a0b0c0d0e0f'"), ("id", "x'0102'"), ("number", "'M9'"), ("number", "''"),
        ("category", "'member'"), ("category", "'bogus'"), ("status", "'active'"), ("status", "'bogus'"),
        ("status_since", "NULL"), ("status_since", "1"), ("continuous_since", "NULL"), ("continuous_since", "2"),
        ("join_date", "NULL"), ("join_date", "3"), ("join_date", "'15399'"), ("region", "'South'"), ("region", "123"),
        ("region", "''"), ("constituency", "'Elsewhere'"), ("branch", "'South branch'"), ("union_name", "'GMB'"),
        ("dues_pence", "1"), ("dues_pence", "'abc'"), ("dues_frequency", "'annual'"), ("dues_frequency", "'bogus'"),
        ("payment_method", "NULL"), ("payment_method", "'bogus'"), ("payment_method", "'card'"),
        ("consent_email", "0"), ("consent_email", "2"), ("consent_phone", "1"), ("consent_post", "0"), ("consent_sms", "1"),
        ("consent_updated_at", "NULL"), ("consent_updated_at", "5"), ("updated_at", "NULL"), ("updated_at", "6"),
        ("identity", "NULL"), ("identity", "x'07'"), ("identity", "zeroblob(0)"), ("email_index", "x'09'"),
        ("phone_index", "NULL"), ("postcode_name_index", "x'0a'"), ("erased_at", "7"), ("erased_at", "NULL"),
        ("version", "2"), ("version", "-1"),
    ]
}
