//! The JSON envelope written as it is made is byte for byte the one made whole.

mod fixture;

#[test]
fn written_json_is_the_json() {
    let docs = fixture::documents();
    let story = fixture::story(&docs);
    let report = story.report();
    let mut written = Vec::new();
    report.write_json(&mut written).expect("writes to memory");
    assert_eq!(String::from_utf8(written).expect("UTF-8"), report.to_json());
}
