"""Word lists for the key-figure rules: surnames, honorifics, titles, places.

Kept apart from the rules that read them so each list can be read and extended on its own.
Every entry is lower case with the modern tone placement ("ủy", not "uỷ").
"""

from __future__ import annotations

import re

SURNAMES = frozenset(
    "nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý trương đinh lâm "
    "thái tô mai lương đoàn trịnh cao hà lưu đào tạ la kiều quách chu triệu tăng thân mạc hứa "
    "khổng khúc kim lại lục mã nghiêm ninh phùng phí tôn vi vương diệp doãn đàm cù bạch bế "
    "cấn cầm khương lò lã lữ nông quản sầm thạch tiêu tống trình uông lăng hàn đồng giáp "
    "quế lô mẫn nhâm ưng kha lạc "
    # The first word of a monk's Dharma name, in the place of a surname: "Thích Phổ Tuệ".
    "thích "
    # Chinese surnames as Vietnamese writes them: "Tần Thư Bồi", "Tưởng Giới Thạch", "Hoắc
    # Kiến Hoa", "Quan Chi Lâm", "Khưu Thanh Thảo"; Hmong ones: "Tráng Láo Tú", "Giàng A Páo".
    "tần tưởng thẩm khâu ôn hầu diêu hoắc quan khưu giàng sùng thào tráng khà lầu".split()
)

# Roles a team or a country is called as often as a person, after "là": "Incheon là ứng viên
# nặng ký cho chiếc vé xuống hạng"; before a name they still say it is a person's.
CANDIDATES = ("ứng viên", "ứng cử viên")

# Role nouns that say the name after them is a person's: "tiền đạo Sergio Aguero", "bị cáo
# Đoàn Văn Chuyên", "người mẫu Merve Buyuksarac".
ROLE_NOUNS = frozenset({
    "bị can", "bị cáo", "nghi phạm", "nghi can", "đối tượng", "nạn nhân", "tài xế", "cầu thủ",
    "tiền đạo", "tiền vệ", "hậu vệ", "trung vệ", "thủ môn", "kỳ thủ", "tay vợt", "tay đua",
    "võ sĩ", "vận động viên", "vđv", "ca sĩ", "nhạc sĩ", "nghệ sĩ", "diễn viên", "người mẫu",
    "siêu mẫu", "hoa hậu", "á hậu", "đạo diễn", "nhà thiết kế", "ntk", "nhà báo", "nhà văn",
    "phóng viên", "người dẫn chương trình", "doanh nhân", "tỷ phú", "thẩm phán", "trợ lý",
    "nữ sinh", "nam sinh", "bác sĩ", "chuyên gia", "nhà nghiên cứu", "nhà khoa học",
    "huấn luyện viên", "hlv", "tuyển thủ", "xạ thủ", "danh thủ", "giám khảo", "ngôi sao", "dj",
    "huyền thoại", "nhà kinh tế", "nhà kinh tế học", "nhà phân tích", "đội trưởng",
    "tay súng", "thủ thành", "giáo sĩ", "hoa khôi", "danh ca", "biên đạo", "họa sĩ", "nhà thơ",
    "nsnd", "nsưt", "nghệ sĩ nhân dân", "nghệ sĩ ưu tú", "vũ công", "công tố viên", "kiểm sát viên",
    "điều tra viên", "phát ngôn viên", "diva", "tiến sĩ", "giáo sư", "nhà điêu khắc",
    "chủ tọa", "hội thẩm", "sinh viên", "nhân viên", "đồng hương", "chiến lược gia",
    *CANDIDATES,
})
ROLE_NOUNS |= {role.replace("sĩ", "sỹ") for role in ROLE_NOUNS if "sĩ" in role}  # "ca sỹ Trang Nhung", as often written
# Roles of the arts, whose people the press names by a stage name of Vietnamese words with no
# surname: "nghệ sĩ đàn nhị Thùy Anh", "các nhà thiết kế Minh Hạnh, Quang Huy và Xuân Hảo".
ARTIST_ROLES = frozenset({
    "ca sĩ", "ca sỹ", "nhạc sĩ", "nhạc sỹ", "nghệ sĩ", "nghệ sỹ", "họa sĩ", "họa sỹ", "danh ca",
    "diễn viên", "người mẫu", "siêu mẫu", "hoa hậu", "á hậu", "hoa khôi", "đạo diễn", "nhà thiết kế",
    "ntk", "biên đạo", "nhà thơ", "nsnd", "nsưt", "vũ công", "giám khảo"})

# Kin before a name say it is a person's: "vợ của John Legend", "Chồng của Tần Thư Bồi".
# Not "bố": "tuyên bố của Bộ Thống nhất", "công bố của ...".
KIN_NOUNS = frozenset(
    f"{kin}{of}" for kin in ("vợ", "chồng", "con gái", "con trai", "bạn gái", "bạn trai", "mẹ",
                             "cha", "em gái", "em trai", "anh trai", "chị gái", "anh họ",
                             "chị họ", "em họ", "ông nội", "bà nội", "ông ngoại", "bà ngoại", "bà xã",
                             "ông xã", "bạn thân")
    for of in ("", " của"))
# Words that are also honorifics say kin only with "của", in apposition: "Rafaqat Abbasi, chú
# của Maria Abbasi".
KIN_OF_NOUNS = frozenset(f"{kin} của" for kin in ("chú", "bác", "dì", "cô", "cậu", "cháu"))

# Words that open a sentence before a full name and are no part of it: "Còn Nguyễn Thị Mai
# Hưng để thua ...", "Theo Nguyễn Văn A, ..." (unlike "Bến Bạch Đằng", "Trường Lê Lợi").
SENTENCE_OPENERS = frozenset(
    "còn và nhưng theo với khi sau trước nếu tuy dù do vì để cùng riêng ngoài cả chỉ hiện rồi lúc".split())

# Clergy, before a name as "ông" is: "Hòa thượng Thích Phổ Tuệ", "Linh mục Nguyễn Văn Khải".
CLERGY = frozenset({"hòa thượng", "thượng tọa", "đại đức", "ni sư", "sư cô", "sư thầy", "linh mục",
                    "giám mục", "tổng giám mục", "hồng y", "mục sư"})

HONORIFICS = frozenset(
    "ông bà ngài anh chị em cô chú bác cụ thầy cháu bé".split()
) | {"đồng chí", "cậu bé", "cô bé", "em bé"} | CLERGY | ROLE_NOUNS | KIN_NOUNS

# Honorifics for a child, after which one foreign word is a name: "bé Lia", "cô bé Marica".
CHILD_HONORIFICS = frozenset({"bé", "cậu bé", "cô bé", "em bé"})

# Honorifics that may introduce a foreign name ("ông Ahmed Adel", "bé Ella Rhodes"); "anh"/"em"
# may not.
FOREIGN_HONORIFICS = frozenset({"ông", "bà", "cô", "ngài", "sir", "lord", "đồng chí", "bé", "cậu bé", "cô bé",
                                "em bé"}) \
    | CLERGY | ROLE_NOUNS | KIN_NOUNS

# Honorifics that, capitalised at the start of a sentence, are read as part of the run of
# capitals after them: "Bé Yana Kleshova (4 tuổi)", "Chị Nguyễn Thị Hoa cho biết", and "Sir
# Alex Ferguson" anywhere.
LEADING_HONORIFICS = frozenset({"ông", "bà", "ngài", "bé", "cụ", "chị", "sir", "lord", "diva"})

# Nouns for a person that, after a comma and "một" or "là", say the name before them is a
# person's: "Demi, một cô bé 12 tuổi", "Taylor Swift luôn là ngôi sao", "Sheryl Allison, mẹ
# của ...".
PERSON_NOUNS = frozenset({"cô bé", "cậu bé", "cô gái", "chàng trai", "bé gái", "bé trai",
                          "cô bạn", "anh bạn", "bạn thân", "người phụ nữ", "người đàn ông",
                          "sinh viên", "học sinh", "cô sinh viên", "cô học sinh"})

# Honorifics that, capitalised at the start of a sentence, may open a run of capitals before a
# Vietnamese full name ("Anh Vi Văn Xan trú cùng bản cho biết"), but are also words of places
# and names ("Anh" is England): taken only before a surname and two or three more words.
LEADING_HONORIFICS_BEFORE_SURNAME = frozenset({"anh", "em", "cô", "chú", "bác", "thầy", "cháu"})

# Korean surnames as news writes them before a hyphenated given name: "Kim Jong-un",
# "Choe Ryong-hae", "Park Geun-hye".
KOREAN_SURNAMES = frozenset(
    "kim lee ri park pak choi choe jung jeong chung kang cho jo yoon yun jang lim han shin seo "
    "kwon hwang ahn song yoo hong jeon ko moon son yang bae baek nam kwak ban roh goo koo byun".split()
)

# Given names common around the world, as a first word that makes a run of foreign capitals a
# person with no other cue: "Roger Federer", "Pep Guardiola", "Taylor Swift, Cara Delevingne".
# Written here because no library of the project's ships one. Left out on purpose: given names
# that are as often a place, a brand, a club or a tournament ("Paris", "Victoria", "Chelsea",
# "Mercedes", "Roland" of Roland Garros, "Santiago" of the Bernabeu, "Jordan", "Georgia",
# "Carolina", "Marina" Bay, "Orlando", "Morgan" Stanley, "Zara", "Chad"), and "Kim", a Korean
# and a Vietnamese surname. About a thousand, across the languages the Vietnamese press names
# people in most.
GIVEN_NAMES = frozenset("""
aaron abdul abdullah abraham adam adrian ahmed aiden alan albert alberto alejandro alex alexander
alexandre alexei alexis alfred ali alice alicia alison amanda amber amelia amy ana anders andre
andrea andreas andrei andres andrew andy angela angelina angelo ann anna anne annie anthony
antoine antonio arnold arthur ashley aymeric barack barbara ben benjamin bernard bernie bill
billy bob bobby boris brad bradley brandon brendan brian bruce bruno bryan carl carla carles
carlo carlos carmen caroline carolyn catherine cesar charles charlie chloe chris christian
christina christine christopher claire claude claudia claudio colin craig cristiano cristian
dan daniel daniela daniele danny dario dave david dean deborah denis dennis diana diego dimitri
dmitry dominic donald donna doris douglas dwayne ed eddie edgar edouard eduardo edward elena
eli elijah elisabeth eliza ella ellen emily emma emmanuel enrique eric erik ernesto esteban
ethan eva evan facundo fabio felipe fernando filipe florian francesco francis francisco franck
francois frank frankie franz fred frederick gabriel gareth gary gavin gennaro george gerald
gerard gianluigi gigi gilbert giorgio giovanni giuseppe gloria gordon grace graham greg
gregory guillermo gustavo hans harold harry hassan hector heinz helen helena henri henrik henry
herbert hillary howard hugh hugo ian igor ilya ivan ivor jack jackie jacob jacques jake james
jamie jane janet jason javier jean jeff jeffrey jennifer jenny jeremy jerome jerry jessica
jim jimmy joachim joan joe joel johan johannes john johnny jon jonathan jordi jorge jose josef
joseph josh joshua juan julia julian julie julien julio justin karen karim karl kate katherine
kathy katie keith kelly ken kenneth kevin kimberly kristen kurt kyle larry laura lauren
laurent leo leon leonardo leroy lewis liam linda lionel lisa liz lorenzo louis louise luc luca
lucas lucy luis luka luke lynn manuel marc marcel marcelo marco marcos marcus margaret maria
marie mario mark marta martin mary mason matt matteo matthew matthias maurizio max maxim maxime
megan melania melissa mia michael michel michelle miguel mike mikhail mila miles mohamed
mohammad mohammed monica muhammad nancy naomi natalia natalie nathan neil nicholas nick nicola
nicolas nigel nikita nikola nikolai noah norman olga oliver olivia omar oscar pablo pamela
patricia patrick paul paula paulo pedro pep peter petr philip philippe phillip pierre pietro
rachel rafael rafa ralph ramon randy raphael raul ray raymond rebecca renato rene ricardo
richard rick ricky rio rob robert roberto robin rodrigo roger roman ronald ronaldo rose ross
roy ruben rudy russell ruth ryan sadiq salman sam samantha samuel sandra sara sarah scott
sean sebastian selena serena sergei sergey sergio shane sharon shawn simon sofia sophia
sophie stefan stefano stephen steve steven stuart susan sven taylor ted teresa terry thiago
thomas tiger tim timothy tina toby todd tom tommy tony tyler valentina valentino vanessa victor
vincent vincenzo viktor vladimir walter wayne wendy werner william willie xavier yannick
yasmin yuri yusuf zinedine
abby abigail adele adriana agnes aidan akira alain albin aleksandr aleksandar alessandro alessia
alfonso alfredo alina alistair allan allison alvaro amir anastasia anatoly andrej andrzej angel
angelica anita anton antonia antonin ari ariana ariel arjen arnaud arsene arturo ashton audrey
augusto avram axel barry beatriz belinda benedict benoit bernardo bernd bertrand beth bettina
betty beverly bjorn blaise bogdan boyd branislav brenda brett bridget brittany britney brooke
bryce caitlin calvin camila cameron candice carlton carol casey cassandra cecilia celine cesare
chantal charlene charlize cheryl christoph christophe ciara cindy clara clarence clark clint
cody colleen connor conor constantin cora corey courtney curtis cyril dale damian damien dana
danielle danilo darius darren dawn debbie declan deniz denise derek desmond devin diane dick
dimitar dirk dolores dominik don doug drew duncan dusan dylan earl edgardo edin edith edwin
eileen elaine eleanor elias elif elisa elise elliot elsa elton emil emilio emre enzo erica erin
ernst esther eugene eugenio evelyn ezequiel fabian fabrizio fatima federico felix fernanda
filippo fiona flavio frances franco frederic gaby garry gene geoff geoffrey georg georgina
gerardo gerhard gert gianni gina ginny giorgos giulia glen glenn gonzalo graeme gregor guido
gunter gustav guus gwen gwyneth hakan hamid hannah harald harrison harvey hayley heather heidi
helmut hilary holly horst hubert humberto iain ibrahim ignacio ilkay imran ingrid iris irina
isaac isabel isabella isabelle ismail ivana ivanka jaime jamal jan jana janice jared jasmine
jasper javi jay jayden jeanne jenna jens jeroen jesse jesus jill joanna joanne jodie joey
johanna jolie josefina josep joyce judith judy jurgen justine kai kamala karina karolina kasper
katarina katrina kay keira kendall kenny kerry kieran kimi kirsten klaus kostas kris kristian
kristina kylie lamar lana lance lars laszlo lea leah leila lena leonard leonid lesley leslie
lily lindsay lindsey lizzie lois lola lorena louisa lucia luciano ludwig luigi luiz lukas lydia
lyndon madeleine magdalena maggie malcolm mandy manon manuela marcello marcin margarita margot
mariah mariana marion marisa mariusz marjorie marko marlon martina marvin massimo mateo mathieu
matias matilda maurice maya meg meghan mehmet melanie melinda melvin mesut michaela micheal
mikael milos miranda mirko miroslav misha mitchell mitt molly mona moritz murat myriam nadia
nadine nasser natasha nathalie nathaniel niall nicki nico nicole niels nikolaos nils nina noel
nora odette olaf oleg oleksandr olivier otto owen paolo pascal patrice patti pauline pavel peggy
penelope petra phil philipp phoebe piers piotr pippa priscilla rainer ralf ramona randall reese
reggie reinhard renata renee rex rhys riccardo richie riley rita robbie roberta robyn rocco rod
rodney rolf romeo ronnie rosa rosalind rosie rowan roxanne rudolf rui rupert russ sabine sabrina
sacha sally salvatore samir sandro sanjay santino sasha saul scarlett sebastien serge sergi seth
shakira shaun sheila shelley sheryl shirley sienna silvia silvio simona simone sinead sonia
sonny spencer stacey stanislav stella stephanie stephane sterling susanne susie suzanne sylvia
sylvie tamara tania tanya tatiana terence thierry thibaut timo tobias toni tonya tracey tracy
travis trent trevor ulrich ursula valentin valerie valery vera veronica vicky viktoria vinicius
vito vivian vladislav walid wanda warren wesley whitney wilfried willem winston wojciech
wolfgang yann yaya yolanda yvonne zach zachary zlatan zoe zoran
""".split()) | frozenset(
    # Thirteenth pass, after a blind run that missed tennis players: Slavic and Central
    # European given names as sport news spells them ("Yulia Putintseva", "Novak Djokovic").
    "yulia elina svetlana tatyana natalya ekaterina yekaterina daria darya ksenia kseniya mariya "
    "yelena polina nadezhda galina ludmila lyudmila oksana jelena agnieszka novak goran dragan "
    "dmitri aleksei andriy yury evgeny yevgeny kirill artem tomas tomasz jakub marek radek jiri "
    "pavol nicky shelby garbine".split())

# Words before a capitalised word that make it a club, a company or a place in the whole
# article ("CLB Chelsea", "gia nhập Manchester", "sân Old Trafford"), so that a role before it
# elsewhere ("HLV Chelsea") does not make it a person.
ORGANISATION_CUES = tuple(tuple(c.split()) for c in (
    "clb", "câu lạc bộ", "đội", "đội bóng", "đội tuyển", "đt", "sân", "hãng", "công ty",
    "tập đoàn", "thành phố", "tp", "tại", "ở", "đến", "tới", "sang", "rời", "gia nhập",
    "khoác áo", "màu áo", "nước", "xứ", "báo", "tờ", "tạp chí", "trang", "kênh"))

# One foreign word that a role or an apposition may stand beside without it being a person:
# clubs ("cầu thủ Juventus"), media ("phóng viên Reuters", "tạp chí Forbes, tỷ phú ..."),
# companies, genres and film towns ("nghệ sĩ Rock", "diễn viên Hollywood").
ONE_WORD_NOT_A_NAME = frozenset(
    "arsenal chelsea liverpool everton tottenham southampton leicester newcastle sunderland "
    "watford burnley stoke swansea celtic rangers juventus milan inter napoli roma lazio "
    "fiorentina barcelona barca sevilla valencia villarreal madrid dortmund schalke leverkusen "
    "wolfsburg psg monaco marseille lyon ajax psv porto benfica sporting galatasaray "
    "reuters forbes bloomberg nikkei kyodo xinhua pravda novosti tass yonhap guardian telegraph "
    "independent twitter facebook instagram youtube google apple microsoft amazon uber samsung "
    "sony netflix hollywood bollywood cannes michelin rock pop jazz latin dance rap opera".split()
)

# Verbs of speech that follow a person's name: "Emre Telci ... cho rằng", "ông Tuyến nói".
SPEECH_VERBS = (
    "cho biết", "cho hay", "cho rằng", "nói", "chia sẻ", "khẳng định", "tuyên bố", "thừa nhận",
    "nhấn mạnh", "trả lời", "phát biểu", "giải thích", "bày tỏ", "tiết lộ", "kể", "khai",
    "xác nhận", "lý giải", "bình luận", "phủ nhận", "thông báo", "nhận xét", "nhận định",
)

# Words that join the names of a list: "Vũ Thị Trang và Nguyễn Thị Sen", "Rui Faria & Silvino
# Louro", "HLV Louis Van Gaal lẫn David Moyes".
NAME_LIST_JOINS = frozenset({",", ";", "và", "&", "lẫn", "cùng", "hay", "hoặc"})

# Lower-case words inside a foreign name: "Van der Bellen", "Leonardo da Vinci", "bin Salman",
# "Yasir Al Rumayyan".
NAME_PARTICLES = frozenset("van von der den de del della di da dos du la le bin ibn al el ul ter ten".split())

# Words that make a run of foreign-looking capitals an organisation, a place or a work rather
# than a person: "Manchester Evening News", "Old Trafford", "Huayi Brothers", "Honda Winner".
FOREIGN_NOT_A_NAME = frozenset(
    "united utd city fc club cf news league cup airlines airways air group bank corporation corp cty tcty "
    "inc ltd co university college school academy hospital times post journal daily street "
    "avenue road park stadium arena center centre games award awards festival brothers motors "
    "international open tour world olympic real sporting athletic premier europa champions "
    "national airport museum house square hotel resort tower mall studio studios records "
    "entertainment media tv channel radio press force forces army navy party council union "
    "institute foundation fund express online show hills valley river lake island "
    "beach bay port station palace church cathedral temple album masters series edition songs "
    "honda yamaha toyota suzuki samsung iphone galaxy borussia bayern inter atletico olympique "
    "dynamo featuring feat magazine mag today business insider worldwide global weekly herald tribune "
    "telegraph guardian observer monitor gazette review artist artists song songs sales "
    "touring top hot petro ciudad".split()
)
# The first word of a medium's or a ministry's name: "phóng viên Báo Công lý", "Báo Người Lao
# Động", "Phát ngôn viên Bộ Quốc phòng" (not "Trường Vũ" or "Đường Quý Lễ", whose first words
# are also a given name and a surname).
MEDIA_WORDS = frozenset({"báo", "tờ", "kênh", "đài", "bộ", "sở", "cục"})
# Brands that are also Japanese surnames: after an honorific, a person's ("ông Osamu Suzuki").
SURNAME_BRANDS = frozenset({"suzuki", "honda", "yamaha"})

# Titles of a royal house, written before the one name they go by: "Nhật hoàng Akihito",
# "Thái tử Naruhito", "Nữ hoàng Elizabeth".
ROYAL_TITLES = ("nhật hoàng", "thái tử", "hoàng tử", "công chúa", "nữ hoàng", "hoàng hậu",
                "hoàng đế", "giáo hoàng", "thái hậu")

TITLE_PREFIXES = ("phó", "quyền", "nguyên", "cựu", "tân")

TITLE_HEADS = tuple(tuple(h.split()) for h in (
    "ủy viên", "tổng bí thư", "bí thư", "thường trực", "trưởng ban", "trưởng", "bộ trưởng",
    "thứ trưởng", "chánh văn phòng", "chánh án", "chánh thanh tra", "viện trưởng", "chủ tịch",
    "chủ nhiệm", "thủ tướng", "tổng thống", "giám đốc", "tổng giám đốc", "cục trưởng",
    "vụ trưởng", "tổng cục trưởng", "đại tướng", "thượng tướng", "trung tướng", "thiếu tướng",
    "đại tá", "thượng tá", "trung tá", "thiếu tá", "đại úy", "thượng úy", "trung úy",
    "thiếu úy", "tư lệnh", "chính ủy", "đại sứ", "tổng lãnh sự", "người phát ngôn",
    "phát ngôn viên", "tổng thư ký", "thư ký", "hiệu trưởng", "chỉ huy trưởng", "đội trưởng",
    "giáo sư", "tiến sĩ", "luật sư", "đại biểu quốc hội", "ngoại trưởng", "quốc vương",
    "nhà vua", "thống đốc", "thị trưởng", "thượng nghị sĩ", "thượng nghị sỹ", "nghị sĩ",
    "huấn luyện viên", "hlv", "ceo", "tổng biên tập", "chủ tịch nước", "trưởng đoàn",
    "trưởng phòng", "thành viên", "trưởng công an", "phó chủ tịch", "cố vấn",
    *ROYAL_TITLES,
))

# Heads that may stand right before a foreign name ("Tổng thống Sisi").
FOREIGN_HEADS = frozenset(tuple(h.split()) for h in (
    "tổng thống", "thủ tướng", "ngoại trưởng", "bộ trưởng", "chủ tịch", "giám đốc",
    "tổng giám đốc", "đại sứ", "quốc vương", "nhà vua", "thống đốc", "thị trưởng",
    "thượng nghị sĩ", "thượng nghị sỹ", "nghị sĩ", "người phát ngôn", "phát ngôn viên", "huấn luyện viên", "hlv",
    "ceo", "tổng thư ký", "phó chủ tịch", "bí thư", "cố vấn", *ROYAL_TITLES))

# Heads that may stand before a one-word foreign name: "Tổng thống Sisi", but not "HLV Chelsea".
FOREIGN_SHORT_HEADS = frozenset(tuple(h.split()) for h in (
    "tổng thống", "thủ tướng", "ngoại trưởng", "quốc vương", "nhà vua", "thống đốc", *ROYAL_TITLES))

# Second syllables that continue an organisation word after a run of capitals ("Ban Tổ chức").
ORG_SYLLABLES = frozenset(
    "chức ương thư an nguyên trường trị vụ phủ tế chính giao phòng dục tạo dựng pháp thông "
    "tải nghiệp hoạch tư hóa thao lịch binh hội giáo vận sát án tra luận tịch nghị sự quan "
    "dân quyết lý học nghệ hàng thuế lập ủy ban tướng khoa trợ thương mại kiểm cáo sản "
    "lượng nhân hiểm bạc chất đạo động bảo xã đồng".split()
)

# Words of a contest. In a text that has one, "5 điểm" is a score ("dẫn đầu bảng xếp hạng với
# 25 điểm", "đạt 179,8 điểm"), not a count of places ("sạt lở 14 điểm trên Quốc lộ 4C"), and
# a name with a country in brackets is a player's ("Ivo Karlovic (Croatia)"; elsewhere it is
# as often a city's or a firm's: "New Orleans (Mỹ)", "Didi Chuxing (Trung Quốc)").
CONTEST = re.compile(
    r"(?<![^\W\d_])(?:bảng xếp hạng|bxh|vòng đấu|vòng loại|chung kết|trận|ván|elo|giải đấu|"
    r"mùa giải|thi đấu|kỳ thủ|xạ thủ|huy chương|hcv|hcb|hcđ|thí sinh|điểm thi|môn thi)(?![^\W\d_])",
    re.IGNORECASE)

# Lower-case words that may sit inside a title's organisation ("Chủ tịch UBND tỉnh Hà Giang").
# The units of the country's map, before their names: "huyện Nghi Lộc", "xã Đông Tiến".
ADMINISTRATIVE_UNITS = frozenset({"tỉnh", "thành phố", "huyện", "quận", "xã", "phường", "thị xã", "thị trấn"})
ORG_CONNECTORS = ADMINISTRATIVE_UNITS | {"và", "nhân dân", "kiêm", "thường trực", "quốc gia"}

# Words after which a lower-case word is a verb, not part of the organisation.
VERB_STOP = frozenset(
    "cho đã chủ phát nhấn yêu cùng là có được đang sẽ vừa nói trả khẳng nêu đề tham dự tới "
    "đến tại ở trong về với của làm cũng và thì mà người khi nhận gửi kiểm đánh ký trao thuộc".split()
)

PLACES = frozenset(" ".join(p.lower().split()) for p in (
    "An Giang|Bà Rịa|Vũng Tàu|Bắc Giang|Bắc Kạn|Bạc Liêu|Bắc Ninh|Bến Tre|Bình Định|Bình Dương|"
    "Bình Phước|Bình Thuận|Cà Mau|Cần Thơ|Cao Bằng|Đà Nẵng|Đắk Lắk|Đắk Nông|Điện Biên|Đồng Nai|"
    "Đồng Tháp|Gia Lai|Hà Giang|Hà Nam|Hà Nội|Hà Tĩnh|Hải Dương|Hải Phòng|Hậu Giang|Hòa Bình|"
    "Hưng Yên|Khánh Hòa|Kiên Giang|Kon Tum|Lai Châu|Lâm Đồng|Lạng Sơn|Lào Cai|Long An|Nam Định|"
    "Nghệ An|Ninh Bình|Ninh Thuận|Phú Thọ|Phú Yên|Quảng Bình|Quảng Nam|Quảng Ngãi|Quảng Ninh|"
    "Quảng Trị|Sóc Trăng|Sơn La|Tây Ninh|Thái Bình|Thái Nguyên|Thanh Hóa|Thừa Thiên Huế|"
    "Tiền Giang|Trà Vinh|Tuyên Quang|Vĩnh Long|Vĩnh Phúc|Yên Bái|Hồ Chí Minh|Hoàng Sa|Trường Sa|"
    "Hà Lan|Thái Lan|Hàn Quốc|Lý Sơn|Hạ Long|Phan Thiết|Phan Rang|Mai Châu|Hoàng Mai|Hồ Gươm|"
    "Hồ Tây|Cao Lãnh|Thái Bình Dương|Hà Tiên|Hà Đông|Mỹ|Hoa Kỳ|Nga|Trung Quốc|Nhật Bản|Nhật|"
    "Triều Tiên|Anh|Pháp|Đức|Ý|Tây Ban Nha|Ai Cập|Ấn Độ|Úc|Thổ Nhĩ Kỳ|Đài Loan|Lào|Campuchia|"
    "Việt Nam|Syria|Iran|Iraq|Israel|Ukraine|Philippines|Indonesia|Malaysia|Singapore|Myanmar|"
    "Canada|Brazil|Mexico|Venezuela|Cuba|Afghanistan|Pakistan|Yemen|Libya|Australia|Italy|EU|"
    "Thụy Điển|Thụy Sĩ|Na Uy|Đan Mạch|Phần Lan|Ba Lan|Hy Lạp|Bỉ|Áo|Séc|Hungary|Romania|"
    "Argentina|Chile|Colombia|Peru|Nigeria|Kenya|Nam Phi|Saudi Arabia|Ả Rập Xê Út|Ả-Rập Xê-út|Ả Rập Xê-út|Qatar|Kuwait|"
    "Jordan|Lebanon|Ireland|Scotland|New Zealand|Nepal|Bangladesh|Sri Lanka|Mông Cổ|Hồng Kông|"
    "Montenegro|Serbia|Croatia|Bồ Đào Nha|Palestine|Belarus|Kazakhstan|Brunei|Bulgaria|"
    "Maroc|Morocco|Algeria|Tunisia|Ethiopia|Sudan|Somalia|Ghana|Cameroon|Senegal|Uganda|Tanzania|"
    "Zimbabwe|Angola|Uzbekistan|Armenia|Azerbaijan|Slovakia|Slovenia|Bosnia|Albania|Lithuania|"
    "Latvia|Estonia|Iceland|Luxembourg|Ecuador|Bolivia|Paraguay|Uruguay|Panama|Costa Rica|Oman|UAE|"
    "Bahrain|Đông Timor|Bờ Biển Ngà|"
    "Liên Hợp Quốc|LHQ|NATO|ASEAN|Châu Âu|Châu Á|Bắc Kinh|Washington|Moscow|Tokyo|Seoul|Paris|"
    "London|Berlin|Cairo|New York|Italia|Bình Chánh|Thủ Đức|Hoàn Kiếm|Ba Đình|Cầu Giấy|Đống Đa|Hai Bà Trưng|"
    # Cities, named as often as provinces ("Tổng giám đốc Eurowindow Nha Trang").
    "Nha Trang|Đà Lạt|Quy Nhơn|Buôn Ma Thuột|Pleiku|Biên Hòa|Rạch Giá|Cam Ranh|Sa Pa|Phú Quốc|"
    "Côn Đảo|Móng Cái|Đồng Hới|Sài Gòn|Phú Nhuận|Gò Vấp|Bình Thạnh|Hóc Môn|Củ Chi|Nhà Bè|Cần Giờ|"
    "Long Biên|Từ Liêm|Saigon|Kiev|Kyiv|"
    # Regions, and places whose name holds a particle ("Rio de Janeiro").
    "Đông Nam Á|Đông Á|Nam Á|Trung Á|Tây Á|Trung Đông|Bắc Mỹ|Nam Mỹ|Mỹ Latinh|Mỹ La-tinh|Đông Âu|"
    "Tây Âu|Bắc Âu|Nam Âu|Trung Âu|Bắc Phi|Tây Phi|Đông Phi|Saudi|Rio de Janeiro|Bà Rịa-Vũng Tàu|"
    # Seats of power named for the government in them: "người phát ngôn Điện Kremlin Dmitry Peskov".
    "Điện Kremlin|Kremlin|Nhà Trắng|Lầu Năm Góc|"
    # Places that stand for an industry: "huyền thoại Hollywood Steven Spielberg".
    "Hollywood|Bollywood"
).split("|"))

# Nouns of a place's kind: the one word after one names a place ("bang Punjab"), and is no
# person where it stands alone after a title elsewhere ("Thống đốc Punjab").
PLACE_NOUNS = frozenset({"bang", "tỉnh", "thành phố", "tp", "vùng", "thủ đô", "huyện", "quận",
                         "đảo", "khu vực"})

# Heroes whose names are streets, wards and schools far more often than news subjects.
STREET_NAMES = frozenset(" ".join(p.lower().split()) for p in (
    "Trần Hưng Đạo|Phan Chu Trinh|Lê Lợi|Nguyễn Huệ|Lý Thường Kiệt|Nguyễn Trãi|Trần Phú|"
    "Hoàng Quốc Việt|Trần Đại Nghĩa|Lê Duẩn|Phan Bội Châu|Nguyễn Du|Trần Quốc Toản|"
    "Đinh Tiên Hoàng|Lê Thánh Tông|Nguyễn Thị Minh Khai|Võ Thị Sáu|Tôn Đức Thắng|Lê Văn Sỹ|"
    "Nguyễn Văn Cừ|Lý Thái Tổ|Trần Nhân Tông|Trần Thái Tông|Nguyễn Chí Thanh|Lê Văn Lương|"
    "Phạm Văn Đồng|Võ Văn Kiệt|Nguyễn Văn Linh|Hồ Tùng Mậu|Trường Chinh|Lê Hồng Phong|"
    "Nguyễn Đình Chiểu|Cách Mạng Tháng Tám|Lý Tự Trọng|Nguyễn Thái Học|Hồ Chí Minh|Ngô Quyền|"
    "Lê Quý Đôn|Chu Văn An|Nguyễn Bỉnh Khiêm|Nguyễn Khuyến|Trần Quang Khải|Lý Công Uẩn"
).split("|"))

# Two words before a name that make it a street, a bank or a shop: "ngã ba Xã Đàn - Phạm Ngọc
# Thạch", "ngân hàng Banco del Austro".
PLACE_CONTEXT_PAIRS = frozenset({"ngã ba", "ngã tư", "ngã năm", "ngã sáu", "giao lộ", "nút giao",
                                 "vòng xoay", "bùng binh", "cánh đồng", "chung cư", "đại lộ", "số nhà", "khu phố",
                                 "ngân hàng",
                                 "nhà băng", "cửa hàng"})

# Words before a name that make it a street, a school or a place rather than a person
# ("CAP Phạm Đình Hổ": the police of the ward of that name), and the prepositions of a place.
PLACE_PREPOSITIONS = frozenset("tại ở về từ đến tới sang qua".split())
PLACE_CONTEXT = frozenset(
    "đường phố tỉnh huyện quận xã phường thôn ấp thị trấn thành phố tp sông hồ núi đảo cầu "
    "cảng chợ trường học viện giải tàu khu làng chùa đền hầm thpt thcs ruộng cap cax".split()
) | PLACE_PREPOSITIONS
