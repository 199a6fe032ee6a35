/// Where the generated people live: 49 UK towns with their shares out of about 1000, weighted
/// towards the large cities as a national register is. Constituencies use the 2024 boundaries;
/// the postcode districts are ones inside (or next to) each constituency, which is close enough
/// for synthetic data and keeps postcode, town and constituency plausible together.
extension Town {
    static let all = Weighted<Town>([
        (Town("London", "Greater London", "London", phone: "020 7946 0", [
            C("Islington North", ["N7", "N19", "N4", "N5"]), C("Holborn and St Pancras", ["NW1", "NW5", "WC1H"]),
            C("Hackney South and Shoreditch", ["E8", "E9", "N1"]), C("Tottenham", ["N15", "N17"]),
            C("Edmonton and Winchmore Hill", ["N9", "N18", "N21"]), C("Greenwich and Woolwich", ["SE10", "SE18"]),
            C("Lewisham North", ["SE8", "SE14", "SE4"]), C("Peckham", ["SE15", "SE5"]),
            C("Vauxhall and Camberwell Green", ["SE11", "SW8"]), C("West Ham and Beckton", ["E13", "E15", "E16"]),
            C("Ilford South", ["IG1", "IG3"]), C("Ealing Southall", ["UB1", "UB2"]), C("Brent East", ["NW10", "NW2"]),
            C("Bethnal Green and Stepney", ["E1", "E2"]), C("Streatham and Croydon North", ["SW16", "SW2"]),
            C("Walthamstow", ["E17"]),
        ]), 160),
        (Town("Birmingham", "West Midlands", "West Midlands", phone: "0121 496 0", [
            C("Birmingham Ladywood", ["B1", "B16", "B18"]), C("Birmingham Hall Green and Moseley", ["B13", "B28"]),
            C("Birmingham Erdington", ["B23", "B24"]), C("Birmingham Selly Oak", ["B29", "B30"]),
            C("Birmingham Perry Barr", ["B42", "B20"]),
        ]), 45),
        (Town("Manchester", "Greater Manchester", "North West", phone: "0161 496 0", [
            C("Manchester Central", ["M1", "M4", "M40"]), C("Manchester Withington", ["M20", "M21"]),
            C("Manchester Rusholme", ["M14", "M13"]), C("Blackley and Middleton South", ["M9", "M24"]),
        ]), 40),
        (Town("Liverpool", "Merseyside", "North West", phone: "0151 496 0", [
            C("Liverpool Riverside", ["L1", "L8"]), C("Liverpool Walton", ["L4", "L9"]),
            C("Liverpool Wavertree", ["L15", "L18"]), C("Liverpool West Derby", ["L12", "L13"]),
        ]), 30),
        (Town("Leeds", "West Yorkshire", "Yorkshire and the Humber", phone: "0113 496 0", [
            C("Leeds Central and Headingley", ["LS1", "LS6"]), C("Leeds East", ["LS9", "LS14"]),
            C("Leeds West and Pudsey", ["LS12", "LS28"]), C("Leeds North East", ["LS8", "LS17"]),
        ]), 35),
        (Town("Sheffield", "South Yorkshire", "Yorkshire and the Humber", phone: "0114 496 0", [
            C("Sheffield Central", ["S1", "S10", "S11"]), C("Sheffield Heeley", ["S8", "S2"]),
            C("Sheffield Brightside and Hillsborough", ["S5", "S6"]), C("Sheffield South East", ["S12", "S13"]),
        ]), 28),
        (Town("Bradford", "West Yorkshire", "Yorkshire and the Humber", [
            C("Bradford East", ["BD3", "BD2"]), C("Bradford West", ["BD8", "BD9"]), C("Bradford South", ["BD4", "BD6"]),
        ]), 18),
        (Town("Newcastle upon Tyne", "Tyne and Wear", "North East", phone: "0191 498 0", [
            C("Newcastle upon Tyne Central and West", ["NE4", "NE5"]),
            C("Newcastle upon Tyne East and Wallsend", ["NE6", "NE28"]), C("Newcastle upon Tyne North", ["NE3", "NE13"]),
        ]), 25),
        (Town("Sunderland", "Tyne and Wear", "North East", phone: "0191 498 0", [
            C("Sunderland Central", ["SR1", "SR2"]), C("Houghton and Sunderland South", ["SR3", "DH4"]),
            C("Washington and Gateshead South", ["NE37", "NE38"]),
        ]), 12),
        (Town("Middlesbrough", "North Yorkshire", "North East", [
            C("Middlesbrough and Thornaby East", ["TS1", "TS4", "TS17"]),
            C("Middlesbrough South and East Cleveland", ["TS7", "TS8"]),
        ]), 10),
        (Town("Durham", "County Durham", "North East", phone: "0191 498 0", [C("City of Durham", ["DH1", "DH7"])]), 8),
        (Town("Bristol", "City of Bristol", "South West", phone: "0117 496 0", [
            C("Bristol Central", ["BS1", "BS2", "BS8"]), C("Bristol East", ["BS5", "BS4"]),
            C("Bristol South", ["BS3", "BS13"]), C("Bristol North West", ["BS10", "BS11"]),
            C("Bristol North East", ["BS16", "BS7"]),
        ]), 35),
        (Town("Plymouth", "Devon", "South West", [
            C("Plymouth Sutton and Devonport", ["PL1", "PL4"]), C("Plymouth Moor View", ["PL5", "PL6"]),
        ]), 12),
        (Town("Exeter", "Devon", "South West", [C("Exeter", ["EX1", "EX2", "EX4"])]), 10),
        (Town("Swindon", "Wiltshire", "South West", [C("Swindon North", ["SN2", "SN25"]), C("Swindon South", ["SN1", "SN3"])]), 10),
        (Town("York", "North Yorkshire", "Yorkshire and the Humber", [
            C("York Central", ["YO1", "YO10", "YO31"]), C("York Outer", ["YO24", "YO30"]),
        ]), 12),
        (Town("Hull", "East Riding of Yorkshire", "Yorkshire and the Humber", [
            C("Kingston upon Hull East", ["HU8", "HU9"]), C("Kingston upon Hull North and Cottingham", ["HU6", "HU5"]),
            C("Kingston upon Hull West and Haltemprice", ["HU3", "HU4"]),
        ]), 14),
        (Town("Doncaster", "South Yorkshire", "Yorkshire and the Humber", [
            C("Doncaster Central", ["DN1", "DN2", "DN4"]), C("Doncaster North", ["DN5", "DN6"]),
            C("Doncaster East and the Isle of Axholme", ["DN3", "DN9"]),
        ]), 12),
        (Town("Preston", "Lancashire", "North West", [C("Preston", ["PR1", "PR2"])]), 10),
        (Town("Blackburn", "Lancashire", "North West", [C("Blackburn", ["BB1", "BB2"])]), 8),
        (Town("Bolton", "Greater Manchester", "North West", [
            C("Bolton North East", ["BL1", "BL2"]), C("Bolton South and Walkden", ["BL3", "BL4"]),
            C("Bolton West", ["BL5", "BL6"]),
        ]), 12),
        (Town("Stoke-on-Trent", "Staffordshire", "West Midlands", [
            C("Stoke-on-Trent Central", ["ST1", "ST4"]), C("Stoke-on-Trent North", ["ST6", "ST7"]),
            C("Stoke-on-Trent South", ["ST3"]),
        ]), 12),
        (Town("Wolverhampton", "West Midlands", "West Midlands", [
            C("Wolverhampton West", ["WV1", "WV3", "WV6"]), C("Wolverhampton North East", ["WV10", "WV11"]),
            C("Wolverhampton South East", ["WV2", "WV14"]),
        ]), 12),
        (Town("Coventry", "West Midlands", "West Midlands", [
            C("Coventry East", ["CV2", "CV3"]), C("Coventry North West", ["CV5", "CV6"]), C("Coventry South", ["CV4", "CV1"]),
        ]), 18),
        (Town("Leicester", "Leicestershire", "East Midlands", phone: "0116 496 0", [
            C("Leicester East", ["LE5", "LE4"]), C("Leicester South", ["LE2", "LE1"]), C("Leicester West", ["LE3"]),
        ]), 20),
        (Town("Nottingham", "Nottinghamshire", "East Midlands", phone: "0115 496 0", [
            C("Nottingham East", ["NG3", "NG7"]), C("Nottingham North and Kimberley", ["NG5", "NG6"]),
            C("Nottingham South", ["NG2", "NG11"]),
        ]), 22),
        (Town("Derby", "Derbyshire", "East Midlands", [C("Derby North", ["DE22", "DE21"]), C("Derby South", ["DE23", "DE24"])]), 12),
        (Town("Lincoln", "Lincolnshire", "East Midlands", [C("Lincoln", ["LN1", "LN2", "LN6"])]), 7),
        (Town("Northampton", "Northamptonshire", "East Midlands", [
            C("Northampton North", ["NN2", "NN3"]), C("Northampton South", ["NN1", "NN4"]),
        ]), 12),
        (Town("Norwich", "Norfolk", "East of England", [
            C("Norwich South", ["NR1", "NR2", "NR4"]), C("Norwich North", ["NR3", "NR6"]),
        ]), 14),
        (Town("Ipswich", "Suffolk", "East of England", [C("Ipswich", ["IP1", "IP3", "IP4"])]), 10),
        (Town("Cambridge", "Cambridgeshire", "East of England", [C("Cambridge", ["CB1", "CB2", "CB4"])]), 14),
        (Town("Luton", "Bedfordshire", "East of England", [
            C("Luton North", ["LU3", "LU4"]), C("Luton South and South Bedfordshire", ["LU1", "LU2"]),
        ]), 10),
        (Town("Colchester", "Essex", "East of England", [C("Colchester", ["CO1", "CO2", "CO4"])]), 8),
        (Town("Southampton", "Hampshire", "South East", [
            C("Southampton Test", ["SO15", "SO16"]), C("Southampton Itchen", ["SO14", "SO19"]),
        ]), 14),
        (Town("Portsmouth", "Hampshire", "South East", [C("Portsmouth South", ["PO4", "PO5"]), C("Portsmouth North", ["PO2", "PO6"])]), 12),
        (Town("Brighton", "East Sussex", "South East", [
            C("Brighton Pavilion", ["BN1"]), C("Brighton Kemptown and Peacehaven", ["BN2", "BN10"]),
        ]), 22),
        (Town("Hastings", "East Sussex", "South East", [C("Hastings and Rye", ["TN34", "TN35"])]), 6),
        (Town("Oxford", "Oxfordshire", "South East", [C("Oxford East", ["OX4", "OX3"]), C("Oxford West and Abingdon", ["OX2"])]), 14),
        (Town("Reading", "Berkshire", "South East", phone: "0118 496 0", [
            C("Reading Central", ["RG1", "RG30"]), C("Reading West and Mid Berkshire", ["RG31"]),
        ]), 10),
        (Town("Milton Keynes", "Buckinghamshire", "South East", [
            C("Milton Keynes Central", ["MK9", "MK6"]), C("Milton Keynes North", ["MK14", "MK15"]),
        ]), 12),
        (Town("Cardiff", "South Glamorgan", "Wales", phone: "029 2018 0", [
            C("Cardiff East", ["CF24", "CF23"]), C("Cardiff South and Penarth", ["CF10", "CF11"]),
            C("Cardiff West", ["CF5"]), C("Cardiff North", ["CF14"]),
        ]), 25),
        (Town("Swansea", "West Glamorgan", "Wales", [C("Swansea West", ["SA1", "SA2"]), C("Swansea East", ["SA7", "SA6"])]), 12),
        (Town("Newport", "Gwent", "Wales", [C("Newport East", ["NP19"]), C("Newport West and Islwyn", ["NP20", "NP10"])]), 9),
        (Town("Wrexham", "Clwyd", "Wales", [C("Wrexham", ["LL11", "LL13"])]), 6),
        (Town("Glasgow", "City of Glasgow", "Scotland", phone: "0141 496 0", [
            C("Glasgow North", ["G20", "G12"]), C("Glasgow East", ["G31", "G32"]),
            C("Glasgow South West", ["G51", "G52"]), C("Glasgow South", ["G41", "G42"]),
        ]), 30),
        (Town("Edinburgh", "City of Edinburgh", "Scotland", phone: "0131 496 0", [
            C("Edinburgh North and Leith", ["EH6", "EH7"]), C("Edinburgh South", ["EH9", "EH10"]),
            C("Edinburgh East and Musselburgh", ["EH8", "EH15"]), C("Edinburgh South West", ["EH11", "EH14"]),
        ]), 25),
        (Town("Dundee", "City of Dundee", "Scotland", [C("Dundee Central", ["DD1", "DD3"])]), 8),
        (Town("Aberdeen", "City of Aberdeen", "Scotland", [
            C("Aberdeen North", ["AB24", "AB25"]), C("Aberdeen South", ["AB10", "AB11"]),
        ]), 8),
    ])
}

extension Town {
    /// Landline prefixes by town name, for household members who inherit the town.
    static let landlinePrefixes: [String: String] = Dictionary(
        all.elements.map { ($0.name, $0.landlinePrefix) }, uniquingKeysWith: { first, _ in first })
}

/// Short spelling for the table above.
private typealias C = Constituency
