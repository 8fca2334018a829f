/// The chronic diseases for which ordinary prescriptions may cover up to 90 days (TT 26 Art. 6 k8b,
/// Appendix VII), and psychotropic prescriptions count as long-term (30 days, Art. 9).
///
/// - Warning: PARTIAL. Appendix VII lists 252 ICD-10 entries; this is a subset of common categories
///   compiled from secondary sources (domain.md §3, §8.1) until the appendix itself is loaded. A
///   diagnosis missing here only means the stricter 30-day limit applies.
public enum ChronicDiseaseList {
    /// 3-character ICD-10 categories treated as chronic.
    public static let categories: Set<String> = [
        // Infectious: tuberculosis, HIV disease, chronic viral hepatitis.
        "A15", "A16", "B18", "B20", "B21", "B22", "B23", "B24",
        // Endocrine: hypothyroidism, thyrotoxicosis, diabetes, lipid disorders.
        "E03", "E05", "E10", "E11", "E12", "E13", "E14", "E78",
        // Mental and nervous: schizophrenia, bipolar, depression, Parkinson, Alzheimer, epilepsy.
        "F20", "F25", "F31", "F32", "F33", "G20", "G30", "G40",
        // Circulatory: hypertension, ischaemic heart disease, heart failure, atrial fibrillation.
        "I10", "I11", "I12", "I13", "I15", "I20", "I25", "I48", "I50", "I69",
        // Respiratory: COPD, asthma.
        "J44", "J45",
        // Digestive: Crohn's disease, ulcerative colitis, cirrhosis.
        "K50", "K51", "K74",
        // Musculoskeletal: rheumatoid arthritis, lupus, gout, osteoporosis.
        "M05", "M06", "M32", "M10", "M81",
        // Kidney: chronic kidney disease.
        "N18",
    ]

    /// Whether `code` is in a chronic category.
    public static func contains(_ code: ICD10Code) -> Bool {
        self.categories.contains(code.category)
    }
}
